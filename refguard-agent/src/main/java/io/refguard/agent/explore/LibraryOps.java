package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Calls from instrumented code on JDK library objects under exploration ({@link LibraryCall}).
 *
 * <h2>API-level models</h2>
 *
 * The JDK itself is not instrumented. Instead, a call made by the program on an object of a JDK
 * class that synchronizes internally (everything in {@code java.util.concurrent}, the {@code
 * Collections.synchronized*} wrappers, {@code Vector}, {@code Stack}, {@code Hashtable}, {@code
 * Properties}, {@code StringBuffer}, {@code PrintStream}) is <em>one</em> scheduling point,
 * labelled with the operation ({@code Inventory.stock.compute()}) and targeting the receiver, so
 * that calls on different objects commute for the reduction and reads commute with reads. The class
 * is decided from the receiver's run-time class, once per class ({@link #KIND}): a call site typed
 * {@code Map} may see a {@code HashMap} (not a point: it does not synchronize) or a {@code
 * ConcurrentHashMap}.
 *
 * <h2>Atomic library calls</h2>
 *
 * The call itself then runs with no scheduling point inside it: while the baton holder is inside a
 * JDK call ({@link RunModel#libraryDepth} above zero) the interceptor manages no thread, so
 * callbacks into the program ({@code hashCode}, {@code equals}, a {@code compute} function, a
 * comparator, a {@code CompletableFuture} dependent) run their synchronization for real and cannot
 * be preempted while the JDK holds one of its internal monitors or locks. What this
 * under-approximates: interleavings inside such callbacks are not explored, and a callback that
 * blocks on something another explored thread holds blocks for real (reported as a stuck thread,
 * with the site). The JDK forbids blocking in most of these callbacks anyway. Exceptions: code the
 * JDK runs inline holding no lock ({@link #inline}), and the functions, actions and filters of
 * {@code compute*}, {@code merge}, {@code forEach}, {@code removeIf}, {@code replaceAll} and {@code
 * sort} ({@link Callbacks}), which run as explored code while the model holds what the JDK holds,
 * and calls that lock their argument's monitor while they hold their receiver's ({@link
 * NestedMonitors}), which take both in the model, at two steps.
 *
 * <h2>Blocking operations</h2>
 *
 * An operation that would block ({@code put}, {@code take}, {@code get}, {@code await}, {@code
 * writeLock}, ...) is modeled by {@link BlockingModels}: the non-blocking form is tried atomically
 * and, when it would block, the thread blocks in the explorer's model until another thread operates
 * on the same object, then tries again. The runtime therefore always knows who can run, and every
 * thread blocked is a real deadlock of the program.
 *
 * <h2>What cannot be controlled</h2>
 *
 * Work the JDK would run on threads the explorer does not start is refused with a message naming
 * the operation ({@link #refuse}): the stateful operations of a parallel stream. {@code
 * CompletableFuture}'s timeouts and delayed executor, and a {@code ForkJoinPool}'s delayed tasks,
 * run on modeled schedulers ({@link CompletableFutureDelays}, {@link ForkJoinDelays}). The terminal
 * operation of a parallel stream runs in pieces on the modeled common pool ({@link
 * ParallelStreams}); while they run, calls on collections that are not thread-safe are checked for
 * overlap ({@link SharedCollections}). A {@code *Async} method of {@code CompletableFuture} without
 * an executor runs on a modeled cached pool of the run, which also stands for {@code
 * ForkJoinPool.commonPool()}; {@code ForkJoinPool}s and {@code ForkJoinTask}s ({@link
 * ForkJoinModels}), pools built directly ({@link DirectPools}) and {@code Timer}s ({@link Timers})
 * run on modeled pools too.
 */
final class LibraryOps {

    /** How calls on objects of one class are treated. */
    enum Kind {
        /** Not a JDK class that synchronizes: the original call, no point. */
        PLAIN,
        /** One scheduling point, then the call, atomically (or a blocking model). */
        MODELED,
        /**
         * The program's subclass of a {@link #MODELED} class ({@link ProgramSubclasses}): what it
         * inherits is modeled, what it overrides is its own code.
         */
        SUBCLASS
    }

    private static final Set<String> SYNCHRONIZED_CLASSES =
            Set.of(
                    "java.util.Vector",
                    "java.util.Stack",
                    "java.util.Hashtable",
                    "java.util.Properties",
                    "java.lang.StringBuffer",
                    "java.io.PrintStream");

    static final ClassValue<Kind> KIND =
            new ClassValue<>() {
                @Override
                protected Kind computeValue(Class<?> c) {
                    if (c.getClassLoader() != null) {
                        // the program's own classes are instrumented code; refguard's models of
                        // JDK pools (ModeledExecutor) answer their calls themselves
                        if (c.getName().startsWith("io.refguard.agent.")) {
                            return Kind.PLAIN;
                        }
                        Class<?> jdk = ProgramSubclasses.jdkSuperclass(c);
                        // the run-time side of LibraryRules.isModeledSuperclass: not an abstract
                        // skeleton (AbstractExecutorService), whose methods run the program's own
                        return jdk.getName().startsWith("java.util.concurrent.")
                                        && !java.lang.reflect.Modifier.isAbstract(
                                                jdk.getModifiers())
                                        && get(jdk) == Kind.MODELED
                                ? Kind.SUBCLASS
                                : Kind.PLAIN;
                    }
                    String n = c.getName();
                    if (n.startsWith("java.util.concurrent.Executors$")) {
                        return Kind.PLAIN; // wrappers that only delegate, often to a modeled pool
                    }
                    if (n.startsWith("java.util.concurrent.")
                            || SYNCHRONIZED_CLASSES.contains(n)
                            || n.startsWith("java.util.Collections$Synchronized")) {
                        return Kind.MODELED;
                    }
                    return Kind.PLAIN;
                }
            };

    /** Operations that only read the receiver's state: they commute with each other. */
    private static final Set<String> READS =
            Set.of(
                    "get",
                    "getOrDefault",
                    "containsKey",
                    "containsValue",
                    "contains",
                    "containsAll",
                    "isEmpty",
                    "size",
                    "peek",
                    "peekFirst",
                    "peekLast",
                    "element",
                    "getFirst",
                    "getLast",
                    "mappingCount",
                    "getNow",
                    "isDone",
                    "isCancelled",
                    "isCompletedExceptionally",
                    "resultNow",
                    "exceptionNow",
                    "state",
                    "getPhase",
                    "getRegisteredParties",
                    "getArrivedParties",
                    "getUnarrivedParties",
                    "isTerminated",
                    "getParties",
                    "remainingCapacity",
                    "indexOf",
                    "lastIndexOf",
                    "firstElement",
                    "lastElement",
                    "elementAt",
                    "length",
                    "charAt",
                    "ceilingKey",
                    "floorKey",
                    "higherKey",
                    "lowerKey",
                    "firstKey",
                    "lastKey",
                    "isReadLocked",
                    "isWriteLocked",
                    "getReadLockCount",
                    "validate",
                    "tryOptimisticRead",
                    "keys",
                    "elements",
                    "getProperty",
                    "equals");

    private LibraryOps() {}

    static Object call(ExploringInterceptor x, LibraryCall call) throws Throwable {
        FutureStages stages = x.run().stages();
        stages.before(call);
        Object result = dispatch(x, call);
        stages.after(result);
        return result;
    }

    /**
     * A call made inside a callback of a JDK call, where no thread may switch: work handed to a
     * pool goes to the pool's model, whose {@code execute} queues it until the outer call returns
     * ({@link ModeledExecutor#execute}), as the common pool's {@code *Async} default and any pool
     * passed as an argument ({@code supplyAsync(loader, ForkJoinPool.commonPool())} in a {@code
     * computeIfAbsent}, as an asynchronous cache loads). Every other call is the original one.
     */
    static Object callInCallback(ExploringInterceptor x, LibraryCall call) throws Throwable {
        if (call.usesDefaultExecutor()) {
            return call.proceedWith(asyncPool(x));
        }
        int pool = DirectPools.poolArgument(call);
        return pool >= 0 ? DirectPools.replacing(x, call, pool) : call.proceed();
    }

    private static Object dispatch(ExploringInterceptor x, LibraryCall call) throws Throwable {
        String name = call.name();
        if (call.isStatic()) {
            return staticCall(x, call);
        }
        Object receiver = call.receiver();
        if (receiver == null) {
            return call.proceed(); // throws the NullPointerException
        }
        if (Synchronizers.applies(receiver)) {
            return Synchronizers.call(x, call, receiver);
        }
        if (receiver instanceof java.util.concurrent.locks.ReentrantReadWriteLock rw) {
            QueueOrder.learn(x.run(), rw); // its read and write lock share one queue
        }
        if (receiver instanceof java.util.concurrent.locks.ReadWriteLock
                && (name.equals("readLock") || name.equals("writeLock"))
                && call.argumentCount() == 0) {
            return call.proceed(); // hands out a lock: no step
        }
        if (receiver instanceof java.util.stream.BaseStream<?, ?> stream
                && receiver.getClass().getClassLoader() == null) {
            return ParallelStreams.call(x, call, stream);
        }
        if (receiver instanceof java.util.TimerTask task && name.equals("cancel")) {
            return Timers.cancelTask(x, call, task);
        }
        if (receiver instanceof java.util.Timer timer) {
            return Timers.call(x, call, timer);
        }
        if (receiver instanceof ForkJoinTask<?> task) {
            return ForkJoinModels.taskCall(x, call, task);
        }
        if (receiver instanceof ForkJoinPool pool) {
            return ForkJoinModels.poolCall(x, call, pool);
        }
        if (receiver instanceof java.util.concurrent.SubmissionPublisher<?> publisher) {
            return Publishers.call(x, call, publisher);
        }
        if (receiver instanceof java.util.concurrent.ExecutorCompletionService<?> service) {
            return CompletionServices.call(x, call, service);
        }
        if (receiver instanceof ReentrantLock lock
                && (name.equals("hasWaiters") || name.equals("getWaitQueueLength"))
                && call.argumentCount() == 1
                && call.argument(0) instanceof java.util.concurrent.locks.Condition condition) {
            return LockOps.waitQueue(x, call, lock, condition);
        }
        if ((receiver instanceof ReentrantLock || receiver instanceof Semaphore)
                && (name.equals("hasQueuedThreads") || name.equals("getQueueLength"))
                && call.argumentCount() == 0) {
            return LockOps.lockQueue(x, call, receiver);
        }
        if (receiver instanceof ReentrantLock
                && name.equals("hasQueuedThread")
                && call.argumentCount() == 1) {
            return LockOps.lockQueue(x, call, receiver);
        }
        if (receiver instanceof java.util.concurrent.locks.ReentrantReadWriteLock rw
                && (name.equals("hasQueuedThreads")
                        || name.equals("getQueueLength")
                        || name.equals("hasQueuedThread"))) {
            return LockOps.readWriteQueue(x, call, rw);
        }
        if (receiver instanceof java.util.logging.Logger logger) {
            return x.run().loggers.change(call, logger);
        }
        if (receiver instanceof PoolFronts.Front
                && receiver instanceof java.util.concurrent.ThreadPoolExecutor front) {
            Object r = DirectPools.call(x, call, front); // on its model, statistics a step
            return r != BlockingModels.NOT_MODELED ? r : call.proceed();
        }
        if (receiver instanceof java.util.concurrent.ThreadPoolExecutor own
                && (call.isSuperCall() || PoolSubclasses.inherits(own, name, call.methodType()))) {
            Object r = DirectPools.call(x, call, own); // the program's subclass: on the model
            return r != BlockingModels.NOT_MODELED ? r : call.proceed();
        }
        Kind kind = KIND.get(receiver.getClass());
        if (kind == Kind.SUBCLASS) {
            if (!call.isSuperCall()
                    && !ProgramSubclasses.inherits(receiver, name, call.methodType())) {
                return call.proceed(); // the override, whose super calls come back here
            }
            kind = Kind.MODELED;
        }
        if (kind == Kind.PLAIN) {
            if (SharedCollections.APPLIES.get(receiver.getClass())
                    || SharedCollections.isView(x.run(), receiver)) {
                return SharedCollections.call(x, call, receiver, null);
            }
            UnsharedTypes type = UnsharedTypes.of(receiver.getClass());
            return type != null && !type.fixed(call)
                    ? SharedCollections.call(x, call, receiver, type)
                    : call.proceed();
        }
        if (call.usesDefaultExecutor()) {
            return modeled(x, call, Access.UPDATE, () -> call.proceedWith(asyncPool(x)));
        }
        if (receiver instanceof java.util.concurrent.ThreadPoolExecutor pool) {
            Object r = DirectPools.call(x, call, pool);
            if (r != BlockingModels.NOT_MODELED) {
                return r;
            }
        }
        int pool = DirectPools.poolArgument(call);
        if (pool >= 0) {
            return modeled(x, call, Access.UPDATE, () -> DirectPools.replacing(x, call, pool));
        }
        if (receiver instanceof java.util.concurrent.FutureTask<?>
                && name.equals("run")
                && call.argumentCount() == 0) {
            return inline(x, call, Access.UPDATE);
        }
        if (ConcurrentMapCompute.applies(call, receiver)) {
            return ConcurrentMapCompute.call(x, call);
        }
        Callbacks.Hold hold = Callbacks.hold(x.run(), call, receiver);
        if (hold != null) {
            return Callbacks.call(
                    x, call, hold, READS.contains(name) ? Access.READ : Access.UPDATE);
        }
        Object result = BlockingModels.call(x, call);
        if (result != BlockingModels.NOT_MODELED) {
            return result;
        }
        if ((name.equals("orTimeout") || name.equals("completeOnTimeout"))
                && receiver instanceof java.util.concurrent.CompletableFuture<?> f) {
            return CompletableFutureDelays.timeout(x, call, f);
        }
        Access access = READS.contains(name) ? Access.READ : Access.UPDATE;
        if (receiver instanceof java.util.concurrent.CompletableFuture<?>
                && access == Access.UPDATE
                && !name.endsWith("Async")) {
            Object res = inline(x, call, access);
            if ((name.equals("complete") || name.equals("completeExceptionally"))
                    && call.argumentCount() == 1
                    && Boolean.TRUE.equals(res)) {
                x.run().key(receiver, call.site()).completedByCall = true;
            }
            return res;
        }
        if (receiver instanceof java.util.concurrent.ConcurrentHashMap<?, ?> map
                && ConcurrentMapBulk.applies(call)) {
            return ConcurrentMapBulk.call(x, call, map);
        }
        if (WeakIterations.applies(receiver)) {
            return WeakIterations.call(x, call, receiver, access);
        }
        return modeled(x, call, access, call::proceed);
    }

    /**
     * A call whose JDK code runs the program's code on the calling thread and holds no lock
     * meanwhile: {@code run()} of a {@code FutureTask} the program runs itself (where it was made,
     * as a caller-runs policy or a search's slices do), and a {@code CompletableFuture}'s {@code
     * complete} and {@code then*}, which run the dependent actions inline. One step, then the call
     * with the program's code explored, not atomically: the accesses of two threads' tasks or
     * actions race as any code's do, and run in one step each they could never interleave.
     */
    private static Object inline(ExploringInterceptor x, LibraryCall call, Access access)
            throws Throwable {
        RunModel r = x.run();
        r.ops++;
        LockModel k = r.key(call.receiver(), call.site());
        Coordinator.point(k, access, x.label(call.site()));
        Coordinator.acquireAll(); // a future's state was written without a point on it
        if (Coordinator.tracing()) {
            Coordinator.showValues(CallValues.arguments(r, call), null);
        }
        try {
            return call.proceed();
        } finally {
            changed(r, k); // a thread waiting for it looks again
        }
    }

    private static Object staticCall(ExploringInterceptor x, LibraryCall call) throws Throwable {
        switch (call.name()) {
            case "runAsync", "supplyAsync" -> {
                if (call.usesDefaultExecutor()) {
                    ExploringInterceptor.Body body = () -> call.proceedWith(asyncPool(x));
                    RunModel r = x.run();
                    r.ops++;
                    Coordinator.point(null, Access.UPDATE, x.label(call.site()));
                    return atomically(x, body);
                }
                int pool = DirectPools.poolArgument(call);
                return pool < 0 ? call.proceed() : DirectPools.replacing(x, call, pool);
            }
            // the real pool, whose calls from explored code run on its model ({@link
            // ForkJoinModels}): it never gets a task itself
            case "commonPool" -> {
                return call.proceed();
            }
            case "concat" -> {
                return ParallelStreams.concat(x, call);
            }
            case "invokeAll" -> {
                return ForkJoinModels.invokeAll(x, call);
            }
            case "helpQuiesce" -> {
                return ForkJoinModels.helpQuiesce(x, call);
            }
            case "getPool", "inForkJoinPool" -> {
                return ForkJoinModels.poolQuery(x, call);
            }
            case "delayedExecutor" -> {
                return CompletableFutureDelays.delayedExecutor(x, call);
            }
            case "parallelSort", "parallelSetAll", "parallelPrefix" -> {
                return ArraysParallel.call(x, call);
            }
            default -> {
                String n = call.name();
                return n.startsWith("unmodifiable") || n.startsWith("checked")
                        ? SharedCollections.wrapper(x, call)
                        : call.proceed();
            }
        }
    }

    /** The modeled pool that stands for the common pool in this run, created on first use. */
    static java.util.concurrent.Executor asyncPool(ExploringInterceptor x) {
        RunModel r = x.run();
        if (r.asyncPool == null) {
            r.asyncPool =
                    new ModeledExecutor(
                            x,
                            r,
                            io.refguard.agent.bridge.ExecutorKind.CACHED,
                            0,
                            null,
                            "commonPool");
        }
        return r.asyncPool;
    }

    /** Whether the operation {@code name} only reads its receiver's state. */
    static boolean isRead(String name) {
        return READS.contains(name);
    }

    /**
     * One scheduling point on the receiver, labelled by the site, then the call with no point
     * inside it. An update also counts as a change of the object for threads blocked on it.
     */
    static Object modeled(
            ExploringInterceptor x, LibraryCall call, Access access, ExploringInterceptor.Body body)
            throws Throwable {
        return modeled(x, call, call.receiver(), access, body);
    }

    /**
     * As {@link #modeled(ExploringInterceptor, LibraryCall, Access, ExploringInterceptor.Body)},
     * with the point on {@code target}, the object whose state the receiver shows (a view's map).
     */
    static Object modeled(
            ExploringInterceptor x,
            LibraryCall call,
            Object target,
            Access access,
            ExploringInterceptor.Body body)
            throws Throwable {
        RunModel r = x.run();
        r.ops++;
        Object receiver = call.receiver();
        LockModel k = r.key(target, call.site());
        String label = x.label(call.site());
        Coordinator.point(k, access, label);
        if (receiver instanceof java.util.concurrent.Future<?>) {
            // the task that completed it wrote its state without a point on it
            Coordinator.acquireAll();
        }
        Object mutex = mutexOf(r, receiver);
        Object inner = mutex != null ? NestedMonitors.inner(r, call, receiver, mutex) : null;
        if (mutex != null && inner == null) {
            waitForMonitor(r, mutex);
        }
        if (access != Access.READ) {
            Callbacks.awaitUpdates(r, target);
            ConcurrentMapCompute.awaitKey(r, target, call);
            changed(r, k);
        }
        Object result =
                inner != null
                        ? NestedMonitors.call(x, call, mutex, inner, body)
                        : atomically(x, body);
        if (Coordinator.tracing()) {
            Coordinator.showValues(
                    CallValues.arguments(r, call), CallValues.result(r, call, result));
        }
        if (mutex != null
                && result != null
                && result != receiver
                && result.getClass().getName().startsWith(SYNCHRONIZED_WRAPPER)) {
            r.viewMutexes.put(result, mutex); // keySet(), subList(), ... lock the same mutex
        }
        if (mutex != null && result instanceof java.util.Iterator<?> it && result != receiver) {
            // the collection's own iterator: the JDK leaves locking it to the caller
            return SynchronizedIterators.wrap(x, mutex, it);
        }
        if (mutex != null
                && result instanceof java.util.stream.Stream<?>
                && call.name().equals("stream")
                && call.argumentCount() == 0
                && receiver instanceof java.util.Collection<?> c) {
            // the same for its sequential stream: a traversal the caller must lock
            return SynchronizedIterators.stream(x, mutex, c);
        }
        return result;
    }

    private static final String SYNCHRONIZED_WRAPPER = "java.util.Collections$Synchronized";

    /**
     * The monitor a JDK object synchronizes its methods on, for the classes that use a monitor: the
     * object itself, or for a view of a {@code Collections.synchronized*} wrapper the wrapper's.
     * Null for the others (which use their own locks or none).
     */
    static Object mutexOf(RunModel r, Object receiver) {
        if (receiver == null) {
            return null;
        }
        String n = receiver.getClass().getName();
        if (n.startsWith(SYNCHRONIZED_WRAPPER)) {
            Object parent = r.viewMutexes.get(receiver);
            if (parent == null) {
                parent = SynchronizedWrappers.mutex(receiver); // a view made out of sight
            }
            return parent != null ? parent : receiver;
        }
        return SYNCHRONIZED_CLASSES.contains(n) ? receiver : null;
    }

    /**
     * The JDK's call will take {@code mutex}'s real monitor, which no explored thread really holds
     * (instrumented {@code synchronized} blocks are modeled). When another thread holds its model
     * ({@code synchronized (list) { for (x : list) ... }}), the caller takes the model as the JDK's
     * call would, blocking until it is free, and lets it go at once: the call then runs atomically,
     * so it need not hold the model.
     */
    private static void waitForMonitor(RunModel r, Object mutex) {
        LockModel m = r.existingKey(mutex);
        if (m != null) {
            MonitorOps.awaitFree(m);
        }
    }

    /** Records a change of {@code k}'s object: threads blocked on it try again. */
    static void changed(RunModel r, LockModel k) {
        k.version++;
        r.unlocks++; // a StampedLock's lock views wait through the generic lock path
    }

    /** Runs {@code body} with scheduling points suppressed, then the actions it deferred. */
    static Object atomically(ExploringInterceptor x, ExploringInterceptor.Body body)
            throws Throwable {
        RunModel r = x.run();
        r.libraryDepth++;
        try {
            return body.run();
        } finally {
            if (--r.libraryDepth == 0) {
                // the callbacks it ran happen before what later synchronizes on the call's target
                Coordinator.operationDone();
                r.runDeferred();
            }
        }
    }

    /**
     * Ends the run as inconclusive: the call would hand work to JDK threads the explorer cannot
     * schedule, so neither a failure nor a pass would mean anything.
     *
     * @return never; declared so that callers write {@code throw refuse(...)}
     */
    static RuntimeException refuse(LibraryCall call, String why) {
        return refuseAt(call.site(), why);
    }

    /** As {@link #refuse}, naming the call at {@code site}. */
    static RuntimeException refuseAt(int site, String why) {
        return Coordinator.lostControl(
                Instructions.get(site).operation()
                        + " at "
                        + Instructions.get(site).location()
                        + " cannot be explored: "
                        + why
                        + ", or exclude the class from instrumentation.");
    }
}
