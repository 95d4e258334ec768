package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.explore.Coordinator;
import io.refguard.explore.Named;
import io.refguard.hook.FieldOf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Everything the adapter knows about one run: the program's threads, the models of the objects it
 * synchronizes on, and their names. A new model per run ({@link ExploringInterceptor#run()}, at the
 * first call of a new run) makes runs independent and names repeatable: objects are named in the
 * order the run first touches them, which is the same in every run that follows the same schedule.
 *
 * <p>Concurrency: only the thread holding the explorer's baton touches a run model (and the driver
 * before the run starts), so nothing here is synchronized.
 */
final class RunModel {

    private static final Pattern JDK_THREAD_NAME = Pattern.compile("Thread-\\d+");

    /** Program thread objects to their models. */
    final IdentityHashMap<Thread, ThreadModel> threads = new IdentityHashMap<>();

    /**
     * The program threads blocked taking each lock whose real state the adapter keeps ({@code
     * LockOps.viaRealState}: the read and write locks of a {@code ReentrantReadWriteLock}), in the
     * order they began to wait; for the lock's questions about its queue.
     */
    final IdentityHashMap<Object, List<Thread>> realStateWaiters = new IdentityHashMap<>();

    /**
     * The queues of read-write locks and fair semaphores, once one is used ({@link QueueOrder}).
     */
    QueueOrder queueOrder;

    /** Real threads (the explorer's workers) to the model of the program thread they run. */
    final IdentityHashMap<Thread, ThreadModel> byCarrier = new IdentityHashMap<>();

    /**
     * The task of each thread made by a {@code Thread.Builder} in this run (JDK 21+): a virtual
     * thread's {@code run()} does not run it, so the thread's actor runs it instead.
     */
    final IdentityHashMap<Thread, Runnable> tasks = new IdentityHashMap<>();

    /** Tasks scheduled on modeled {@code Timer}s in this run ({@link Timers}). */
    final Map<java.util.TimerTask, Timers.Scheduled> timerTasks = Timers.newTaskMap();

    private int timers;

    /**
     * The locks of the model that stand for the JDK's locks of a collection while it runs the
     * program's code, by collection ({@link Callbacks}).
     */
    final IdentityHashMap<Object, LockModel> updateLocks = new IdentityHashMap<>();

    /** The {@code ConcurrentHashMap}s whose keys threads compute ({@link ConcurrentMapCompute}). */
    final IdentityHashMap<Object, ConcurrentMapCompute.Computing> computing =
            new IdentityHashMap<>();

    /** A view of a {@code Collections.synchronized*} wrapper to the monitor its methods lock. */
    final IdentityHashMap<Object, Object> viewMutexes = new IdentityHashMap<>();

    /**
     * Pieces of parallel streams' terminal operations under way ({@link ParallelStreams}): while
     * any runs, every call on a collection that is not thread-safe is checked.
     */
    int parallelPieces;

    /** Who used each unsynchronized JDK collection in this run ({@link SharedCollections}). */
    final IdentityHashMap<Object, SharedCollections.Use> collectionUses = new IdentityHashMap<>();

    /** The {@code LinkedHashMap}s in access order built in this run ({@link SharedCollections}). */
    final IdentityHashMap<Object, Boolean> accessOrdered = new IdentityHashMap<>();

    /** Views of those collections (a map's key set, a list's sub-list) by the collection behind. */
    final IdentityHashMap<Object, Object> collectionViews = new IdentityHashMap<>();

    /**
     * The {@code Collections.unmodifiable*} wrappers among the {@link #collectionViews}, and views
     * of them: every call on one only reads the collection behind (a change throws).
     */
    final IdentityHashMap<Object, Boolean> readOnlyViews = new IdentityHashMap<>();

    /** Views of concurrent collections by the collection behind ({@link WeakIterations}). */
    final IdentityHashMap<Object, Object> concurrentViews = new IdentityHashMap<>();

    /** A condition to the lock that made it, for conditions created through the bridge. */
    final IdentityHashMap<Object, Object> conditionLocks = new IdentityHashMap<>();

    /** The queues of the program's own synchronizers ({@link Synchronizers}) in this run. */
    final IdentityHashMap<Object, Synchronizers.Queue> synchronizers = new IdentityHashMap<>();

    private final IdentityHashMap<Object, LockModel> keys = new IdentityHashMap<>();

    /** The changes this run made to the JDK's loggers, undone before the next run. */
    final LoggerSettings loggers = new LoggerSettings();

    private final Map<String, Integer> nameUses = new HashMap<>();
    private int unnamedThreads;
    private long threadIds;

    RunModel(TimeoutMode timeouts) {
        this.timeouts = timeouts;
    }

    private int pools;

    /**
     * Operations performed through the adapter so far. A thread in {@code Thread.yield} waits for
     * it to change: another thread did something.
     */
    long ops;

    /**
     * Threads constructed on the run's threads, and threads the explorer started for the run: more
     * of the first means code refguard does not instrument may have started some ({@link
     * UncontrolledThreads}).
     */
    int constructed;

    int started;

    /** Unlocks of locks modeled through their real state (read-write locks), for waiters. */
    long unlocks;

    /**
     * How deep the baton holder is in JDK library calls ({@link LibraryOps}): while above zero the
     * interceptor manages no thread, so nothing inside the call is a scheduling point. Only the
     * baton holder can be inside one, since nothing inside passes the baton. A new run starts at
     * zero.
     */
    int libraryDepth;

    /** How timed waits may time out in this run. */
    final TimeoutMode timeouts;

    /**
     * Whether a thread of this run had a wait time out early that it has not seen yet ({@link
     * SafetyNets#timedOutUnseen}); until one has, clock reads need not look up their thread.
     */
    boolean unseenTimeouts;

    /**
     * Timed waits of at most {@link TimeoutMode#EARLY_LIMIT_NANOS} met in this run while the mode
     * is {@link TimeoutMode#ORDERED}: waits that {@link TimeoutMode#EARLY} would also have let time
     * out at once.
     */
    int shortTimedWaits;

    /** The tasks of modeled pools that failed in this run; see {@link #lostTaskFailures}. */
    private List<ModeledFuture<?>> failedTasks;

    List<ModeledFuture<?>> failedTasks() {
        if (failedTasks == null) {
            failedTasks = new ArrayList<>();
        }
        return failedTasks;
    }

    /** The {@code CompletableFuture}s explored code made in this run; made on first use. */
    private FutureStages stages;

    FutureStages stages() {
        if (stages == null) {
            stages = new FutureStages();
        }
        return stages;
    }

    /**
     * The exceptions of tasks submitted in this run that the program never read from their futures,
     * each as {@link ModeledFuture#lostFailure}, then those of its {@code CompletableFuture} stages
     * that it never looked at ({@link FutureStages#lost}); the JDK keeps such an exception in the
     * future, so it is lost. Asked once the run is over.
     */
    List<String> lostTaskFailures() {
        List<String> lost = new ArrayList<>();
        if (failedTasks != null) {
            for (ModeledFuture<?> f : failedTasks) {
                String l = f.lostFailure();
                if (l != null) {
                    lost.add(l);
                }
            }
        }
        if (stages != null) {
            lost.addAll(stages.lost());
        }
        return lost;
    }

    /**
     * Whether a wait of {@code kind} with a timeout of {@code nanos} (when {@code timed}) may time
     * out at once, as {@link #timeouts} says; counts the short bounds the ordered mode keeps
     * waiting.
     */
    boolean early(Timeout kind, boolean timed, long nanos) {
        boolean isShort = timed && nanos <= TimeoutMode.EARLY_LIMIT_NANOS;
        return switch (kind) {
            case SAFETY_NET -> false;
            case ELAPSE -> isShort;
            case BOUND -> {
                if (isShort && timeouts == TimeoutMode.ORDERED) {
                    shortTimedWaits++;
                }
                yield isShort && timeouts != TimeoutMode.ORDERED;
            }
        };
    }

    /** The modeled pool standing for the common pool ({@link LibraryOps#asyncPool}), or null. */
    ModeledExecutor asyncPool;

    /**
     * The modeled scheduler of {@code CompletableFuture}'s timeouts and delayed executors ({@link
     * CompletableFutureDelays}), or null.
     */
    ModeledScheduledExecutor futureDelayer;

    /** The delayed tasks of each modeled {@code ForkJoinPool} ({@link ForkJoinDelays}). */
    final IdentityHashMap<ModeledExecutor, ForkJoinDelays.State> forkJoinDelays =
            new IdentityHashMap<>();

    /**
     * Tasks of modeled pools that finished so far ({@link ModeledFuture}): a completion service's
     * {@code take} waits for it to change ({@link CompletionServices}).
     */
    long tasksDone;

    /**
     * The models of the {@code ForkJoinPool}s the program built, in this run ({@link
     * ForkJoinModels}).
     */
    final IdentityHashMap<ModeledExecutor, java.util.concurrent.ForkJoinPool> forkJoinPools =
            new IdentityHashMap<>();

    /**
     * Streams that went through a stateful intermediate operation ({@code sorted}, {@code limit},
     * ...), with that operation's site: refused when parallel ({@link ParallelStreams}). Weak:
     * streams are compared by identity and dropped once unreachable.
     */
    final java.util.WeakHashMap<Object, Integer> statefulStreams = new java.util.WeakHashMap<>();

    /** Actions asked for inside an atomic library call, run when it returns. */
    private final java.util.ArrayDeque<Runnable> deferred = new java.util.ArrayDeque<>();

    /**
     * The model of {@code o}, named on first use: by the object itself when it is {@link Named},
     * else from the site's operand name or its class.
     */
    LockModel key(Object o, int site) {
        LockModel k = keys.get(o);
        if (k == null) {
            k = new LockModel(o, uniqueName(baseName(o, site)));
            keys.put(o, k);
        }
        return k;
    }

    /**
     * The target of accesses to the elements of {@code array}: its model's part {@link
     * Instruction#ELEMENTS}. The last two arrays asked for are kept, so a loop over one array, or
     * copying from one to another, finds them without a lookup in {@link #keys} (whose identity
     * hash, per access, cost more than the rest of the access).
     */
    FieldOf elements(Object array, int site) {
        if (array == lastArray) {
            return lastElements;
        }
        Object a = otherArray;
        FieldOf e = otherElements;
        if (array != a) {
            a = array;
            e = key(array, site).field(Instruction.ELEMENTS);
        }
        otherArray = lastArray;
        otherElements = lastElements;
        lastArray = a;
        lastElements = e;
        return e;
    }

    private Object lastArray;
    private FieldOf lastElements;
    private Object otherArray;
    private FieldOf otherElements;

    /** The report name of {@code o} when the run already named it, else null. */
    String knownName(Object o) {
        LockModel k = keys.get(o);
        return k == null ? null : k.name;
    }

    /** Runs {@code action} when the current atomic library call returns. */
    void defer(Runnable action) {
        deferred.addLast(action);
    }

    /** Runs the deferred actions, in order. */
    void runDeferred() {
        Runnable a;
        while ((a = deferred.pollFirst()) != null) {
            a.run();
        }
    }

    /**
     * The write locks of {@code ReentrantReadWriteLock}s the calling thread holds in their real
     * state ({@link RealLockConditions}).
     */
    List<java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock> writeLocksHeld() {
        List<java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock> held = new ArrayList<>();
        for (Object o : keys.keySet()) {
            if (o instanceof java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock w
                    && w.isHeldByCurrentThread()) {
                held.add(w);
            }
        }
        return held;
    }

    /** Threads waiting on conditions of write locks ({@link RealLockConditions}), by condition. */
    final IdentityHashMap<Object, java.util.ArrayDeque<ThreadModel>> realConditionWaiters =
            new IdentityHashMap<>();

    /** The locks and monitors the calling thread holds, in no particular order. */
    List<LockModel> heldBy() {
        List<LockModel> held = new ArrayList<>();
        for (LockModel k : keys.values()) {
            if (Coordinator.holdCount(k) > 0) {
                held.add(k);
            }
        }
        return held;
    }

    /**
     * Whether {@code thread} waits to take a {@code java.util.concurrent.locks.Lock} of the program
     * (or to take it again after a condition's signal): {@code Thread.getState()} says {@code
     * WAITING} of it, where a monitor's waiter is {@code BLOCKED}.
     */
    boolean waitsForLibraryLock(io.refguard.explore.ActorHandle thread) {
        for (LockModel k : keys.values()) {
            if (k.object instanceof java.util.concurrent.locks.Lock
                    && Coordinator.waitsForLock(thread, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The model of {@code o}, named {@code base} on first use (numbered if taken, or always when
     * {@code base} ends in {@code #}): for objects the adapter creates, such as pools.
     */
    LockModel key(Object o, String base) {
        LockModel k = keys.get(o);
        if (k == null) {
            k = new LockModel(o, uniqueName(base));
            keys.put(o, k);
        }
        return k;
    }

    /** The model of {@code o} if the run has touched it, else null. */
    LockModel existingKey(Object o) {
        return keys.get(o);
    }

    private String baseName(Object o, int site) {
        if (o instanceof Named n) {
            return n.reportName(); // the program names the object itself
        }
        if (site >= 0) {
            Instruction s = Instructions.get(site);
            if (s.subject() != null) {
                return s.subject();
            }
        }
        if (o instanceof Class<?> c) {
            return simpleName(c);
        }
        return simpleName(o.getClass()) + "#";
    }

    /**
     * {@code base} itself the first time, {@code base#2} and so on after; a base ending in {@code
     * #} (a class name) is always numbered: {@code Object#1}.
     */
    private String uniqueName(String base) {
        int n = nameUses.merge(base, 1, Integer::sum);
        if (base.endsWith("#")) {
            return base + n;
        }
        return n == 1 ? base : base + "#" + n;
    }

    /**
     * Registers a program thread about to start, or not started yet whose name or id the program
     * asks for, naming it: a name the JDK numbered from its global counter ({@code Thread-17}) is
     * renumbered per run in start order, so reports and the program's own output are the same in
     * every run.
     */
    /**
     * What the program set with {@code setDaemon} on threads it has not started yet: the real flag
     * cannot tell, since every thread made on an explorer's worker inherits the worker's.
     */
    final IdentityHashMap<Thread, Boolean> daemons = new IdentityHashMap<>();

    ThreadModel newThread(Thread t) {
        String name = t.getName();
        if (JDK_THREAD_NAME.matcher(name).matches()) {
            name = "Thread-" + unnamedThreads++;
            t.setName(name);
        }
        if (name.isEmpty()) {
            // virtual threads have no name unless given one: the report still needs a column
            name = ThreadOps.isVirtual(t) ? "virtual#" : "Thread#";
        }
        ThreadModel m = new ThreadModel(t, uniqueName(name));
        m.id = ++threadIds;
        threads.put(t, m);
        return m;
    }

    /**
     * Registers an actor the adapter did not start (the exploration's entry thread, or an actor of
     * a scenario) as running program thread {@code program}.
     */
    ThreadModel adopt(Thread carrier, Thread program) {
        ThreadModel m = new ThreadModel(program, uniqueName(program.getName()));
        m.id = ++threadIds;
        m.carrier = carrier;
        m.started = true;
        m.bind(Coordinator.currentHandle());
        threads.put(program, m);
        byCarrier.put(carrier, m);
        return m;
    }

    /** The number of the next {@code Timer} of this run, from 0 as the JDK counts. */
    int nextTimer() {
        return timers++;
    }

    /**
     * The number of the next pool created in this run, from 1 as the JDK's default factory counts.
     */
    int nextPool() {
        return ++pools;
    }

    /**
     * The one way the adapter blocks a thread: {@link Coordinator#blockUntil(BooleanSupplier, long,
     * boolean, Object, String)}, the runtime's wait on the virtual clock, with a timeout when
     * {@code timed} ({@code nanos}, at least 0) and early timeouts as {@link #timeouts} says.
     * Returns with {@code wake} true, or false for a timeout; nobody has run since that was
     * checked. {@code wake} must only read state.
     *
     * @param target the object waited on (reduction and reports), or null
     * @param label constant per object or site: shown in reports
     */
    boolean block(BooleanSupplier wake, boolean timed, long nanos, Object target, String label) {
        return block(wake, timed, nanos, target, label, Timeout.BOUND);
    }

    /**
     * What the timeout of a timed wait stands for, which decides whether it may fire early: before
     * the other threads stop, as if they were slow.
     */
    enum Timeout {
        /**
         * A bound on a wait for another thread's action ({@code await}, {@code poll}, {@code get},
         * {@code tryAcquire}, ...), often a safety net the program treats as a failure when it
         * expires: early unless the mode is {@link TimeoutMode#ORDERED}.
         */
        BOUND,
        /**
         * Time itself: a {@code sleep}, or a scheduled task's delay or period. Nothing is waited
         * for, so ending it only once every other thread stopped would take the other threads for
         * infinitely fast: in every mode it may end at once when it is at most {@link
         * TimeoutMode#EARLY_LIMIT_NANOS}.
         */
        ELAPSE,
        /** A safety net (waiting for a pool to terminate): never early, whatever the mode. */
        SAFETY_NET
    }

    /**
     * As {@link #block(BooleanSupplier, boolean, long, Object, String)}, for a timeout {@code
     * kind}.
     */
    boolean block(
            BooleanSupplier wake,
            boolean timed,
            long nanos,
            Object target,
            String label,
            Timeout kind) {
        boolean woke = blockFreedByRelease(wake, timed, nanos, target, label, kind);
        if (woke) {
            // most models wake on a hint (the object changed) and then act on state whose last
            // writer released nothing for them: they order after everything released so far
            Coordinator.acquireAll();
        }
        return woke;
    }

    /**
     * As {@link #block(BooleanSupplier, boolean, long, Object, String, Timeout)}, for a model whose
     * operation that makes {@code wake} hold releases right after it ({@code countDown} does, with
     * {@code Coordinator.operationDone}): the wake orders after the releases up to that one only,
     * not after what the releasing thread did next.
     */
    boolean blockFreedByRelease(
            BooleanSupplier wake,
            boolean timed,
            long nanos,
            Object target,
            String label,
            Timeout kind) {
        if (libraryDepth > 0) {
            if (wake.getAsBoolean()) {
                return true;
            }
            throw blockedInLibrary(label);
        }
        return Coordinator.blockUntil(
                wake, timed ? Math.max(0L, nanos) : -1L, early(kind, timed, nanos), target, label);
    }

    /**
     * The refusal of a wait inside a JDK call ({@link #libraryDepth} above zero): no other thread
     * may run there (see {@link LibraryOps}), and blocking, or even a scheduling point, would pass
     * the baton while the JDK may hold its own locks.
     */
    static UnsupportedOperationException blockedInLibrary(String label) {
        return new UnsupportedOperationException(
                "'"
                        + label
                        + "' would block inside a call"
                        + " into the JDK (a callback of a JDK method, or a JDK wrapper around a"
                        + " modeled object), which the explorer runs without switching threads;"
                        + " call it outside the JDK method, or exclude the class from"
                        + " instrumentation.");
    }

    /** As {@link #block(BooleanSupplier, boolean, long, Object, String)} with a timeout of 0. */
    boolean block(BooleanSupplier wake, boolean timed, Object target, String label) {
        return block(wake, timed, 0L, target, label);
    }

    static String simpleName(Class<?> c) {
        String s = c.getSimpleName();
        if (!s.isEmpty()) {
            return s;
        }
        String n = c.getName();
        return n.substring(n.lastIndexOf('.') + 1);
    }
}
