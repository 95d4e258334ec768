package io.refguard.agent.explore;

import io.refguard.agent.bridge.AccessKind;
import io.refguard.agent.bridge.AcquireOp;
import io.refguard.agent.bridge.AwaitOp;
import io.refguard.agent.bridge.ExecutorKind;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.agent.bridge.LockOp;
import io.refguard.agent.bridge.ParkOp;
import io.refguard.agent.bridge.SyncInterceptor;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import io.refguard.hook.FieldOf;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * The adapter between instrumented code and the interleaving explorer: a {@link SyncInterceptor}
 * that maps every intercepted operation of a managed thread onto the explorer's runtime ({@link
 * Coordinator}), so the runtime always knows which threads can run.
 *
 * <h2>Mapping</h2>
 *
 * <ul>
 *   <li>Memory accesses become {@link Coordinator#point} on the touched object, labelled by the
 *       site ({@code volatile write Counter.value}, {@code count.incrementAndGet()}); array element
 *       accesses {@link Coordinator#foldingPoint} on the array's elements ({@code array write
 *       Bug.levels[1]}).
 *   <li>Monitors and {@code ReentrantLock}s become the runtime's lock, keyed by the object's {@link
 *       LockModel}; recursion and wait sets are kept here ({@link MonitorOps}, {@link LockOps}). A
 *       {@code ReentrantLock} is also taken for real, after the model granted it.
 *   <li>Read-write locks, semaphores and latches keep their real state, which only the baton holder
 *       changes, and block on it through {@link RunModel#block}.
 *   <li>{@code Thread.start} runs the thread's {@code run()} on a new actor; the {@code Thread}
 *       object stays the program's handle for {@code join}, {@code interrupt}, {@code isAlive}, and
 *       {@code Thread.currentThread()} ({@link ThreadOps}).
 *   <li>Fixed, cached and single-thread executors are replaced by a model ({@link
 *       ModeledExecutor}).
 * </ul>
 *
 * <p>Threads the explorer does not run are left alone: an operation on one of them does the real
 * thing, and waiting for one (a join, a real lock it holds) gives up after a bounded wait with a
 * message instead of hanging.
 *
 * <p>Concurrency: the run model is replaced lazily by the first managed thread of each new run
 * ({@link #run()}); it, and everything else here, is touched only by the thread holding the
 * explorer's baton, whose hand-off orders every access. There is one interceptor per exploration,
 * reached through {@link ExplorationRouter}, so explorations side by side keep separate models: a
 * program ({@link AgentExplorer#mainClass}) or a scenario of several actors ({@link
 * AgentExplorer#explore(io.refguard.explore.Scenario, ExploreOptions)}).
 */
final class ExploringInterceptor implements SyncInterceptor {

    final long foreignWaitNanos;
    final TimeoutMode timeouts;

    /** The model of the run numbered {@link #modelRun}; see {@link #run()}. */
    private RunModel model;

    private long modelRun = -1;

    /** Threads of the program that the explorer did not start; see {@link UncontrolledThreads}. */
    final UncontrolledThreads uncontrolled = new UncontrolledThreads();

    /**
     * Short timed waits the ordered mode kept waiting, in the runs before the current one ({@link
     * RunModel#shortTimedWaits}); {@link #shortTimedWaits()} adds the current run's.
     */
    private long shortTimedWaits;

    /** Short timed waits met in every run so far that the other modes would let expire early. */
    long shortTimedWaits() {
        RunModel m = model;
        return shortTimedWaits + (m == null ? 0 : m.shortTimedWaits);
    }

    /** Runs that ended a thread at an expired safety net ({@link SafetyNets}). */
    private long expiredSafetyNets;

    /** The first expired safety net, in words, or null. */
    private String firstSafetyNet;

    void expiredSafetyNet(String what) {
        expiredSafetyNets++;
        if (firstSafetyNet == null) {
            firstSafetyNet = what;
        }
    }

    /** Threads ended at an expired safety net over all runs so far ({@link SafetyNets}). */
    long expiredSafetyNets() {
        return expiredSafetyNets;
    }

    /** The first of {@link #expiredSafetyNets()}, in words, or null. */
    String firstSafetyNet() {
        return firstSafetyNet;
    }

    /** Runs before the current one in which a task's exception was never read. */
    private long runsLosingTaskFailures;

    /** The first such exception, as {@link ModeledFuture#lostFailure}; null before one. */
    private String firstLostTaskFailure;

    private void countLostTaskFailures(RunModel m) {
        List<String> lost = m.lostTaskFailures();
        if (!lost.isEmpty()) {
            runsLosingTaskFailures++;
            if (firstLostTaskFailure == null) {
                firstLostTaskFailure = lost.get(0);
            }
        }
    }

    /**
     * How many runs so far, the current one included, had a task whose exception the program never
     * read from its future, and the first such exception; see {@link RunModel#lostTaskFailures}.
     */
    LostTaskFailures lostTaskFailures() {
        long runs = runsLosingTaskFailures;
        String first = firstLostTaskFailure;
        RunModel m = model;
        if (m != null) {
            List<String> lost = m.lostTaskFailures();
            if (!lost.isEmpty()) {
                runs++;
                first = first != null ? first : lost.get(0);
            }
        }
        return new LostTaskFailures(runs, first);
    }

    /** Whether an exploration is using this interceptor: set while it is installed. */
    volatile boolean active;

    /** Real-time bases of the virtual clock, fixed for the exploration so runs repeat. */
    private final long nanoBase = System.nanoTime();

    private final long millisBase = System.currentTimeMillis();

    /** Report labels per site id, built on first use. */
    private String[] labels = new String[256];

    /**
     * @param foreignWaitNanos how long a managed thread waits for something only an unmanaged
     *     thread can do (release a real lock, finish) before the run fails with an explanation
     */
    ExploringInterceptor(long foreignWaitNanos) {
        this(foreignWaitNanos, TimeoutMode.DEFAULT);
    }

    /**
     * @param timeouts how timed waits may time out ({@link RunModel#block})
     */
    ExploringInterceptor(long foreignWaitNanos, TimeoutMode timeouts) {
        this.foreignWaitNanos = foreignWaitNanos;
        this.timeouts = timeouts;
    }

    /**
     * The model of the calling managed thread's run, started afresh the first time a thread of a
     * new run asks ({@link Coordinator#runNumber()} changed). Only the thread holding the
     * explorer's baton runs, and passing the baton is a volatile write and read, so the swap and
     * every later use are ordered without a lock.
     */
    RunModel run() {
        long n = Coordinator.runNumber();
        if (n != modelRun || model == null) {
            if (model != null) {
                shortTimedWaits += model.shortTimedWaits;
                countLostTaskFailures(model);
                model.loggers.undo();
            }
            model = new RunModel(timeouts);
            modelRun = n;
            uncontrolled.runStarts();
        }
        return model;
    }

    /**
     * Undoes what the exploration's last run changed in the JDK's own state (its loggers'
     * settings), as every earlier run's changes were undone when the next run started.
     */
    void endExploration() {
        if (model != null) {
            model.loggers.undo();
        }
    }

    /** Registers the calling actor as the run's entry thread, named {@code name}. */
    ThreadModel enterEntry(String name) {
        Thread program = new Thread(null, null, name, 0, false); // refguard's, not the program's
        ThreadModel m = run().adopt(Thread.currentThread(), program);
        UncontrolledThreads.mark(this);
        return m;
    }

    /**
     * Ends the run as inconclusive when a thread of the program ran outside refguard's control
     * ({@link UncontrolledThreads}); called when the entry thread ends.
     */
    void checkUncontrolled() {
        String what = uncontrolled.check(run());
        if (what != null) {
            throw Coordinator.lostControl(UncontrolledThreads.message(what));
        }
    }

    /** The model of the calling managed thread; an actor the adapter did not start is adopted. */
    ThreadModel current() {
        Thread carrier = Thread.currentThread();
        ThreadModel m = run().byCarrier.get(carrier);
        if (m == null) {
            m = run().adopt(carrier, carrier);
            UncontrolledThreads.mark(this);
        }
        return m;
    }

    /** The report label of an access site: its operation, with the operand's name when known. */
    String label(int site) {
        if (site >= labels.length) {
            labels = Arrays.copyOf(labels, Math.max(site + 1, labels.length * 2));
        }
        String l = labels[site];
        if (l == null) {
            Instruction s = Instructions.get(site);
            l = s.operation();
            int dot = l.indexOf('.');
            if (s.subject() != null && dot > 0 && l.endsWith("()") && l.indexOf(' ') < 0) {
                l = s.subject() + l.substring(dot); // AtomicInteger.get() -> count.get()
            }
            labels[site] = l;
        }
        return l;
    }

    static Access access(AccessKind kind) {
        return switch (kind) {
            case READ -> Access.READ;
            case WRITE -> Access.WRITE;
            case UPDATE -> Access.UPDATE;
        };
    }

    // ---------------------------------------------------------------- SyncInterceptor

    @Override
    public boolean managesCurrentThread() {
        RunModel m = model;
        return active && (m == null || m.libraryDepth == 0) && Coordinator.context() == this;
    }

    /**
     * Whether the calling thread is one of this exploration's, running code called back from inside
     * a JDK call (the model's {@link RunModel#libraryDepth} above zero).
     */
    boolean inCallback() {
        RunModel m = model;
        return active
                && m != null
                && m.libraryDepth > 0
                && Coordinator.context() == this
                && Coordinator.isManaged();
    }

    @Override
    public Object libraryCallInCallback(LibraryCall call) throws Throwable {
        return LibraryOps.callInCallback(this, call);
    }

    /** Code run inside a library call; may throw what the call throws. */
    @FunctionalInterface
    interface Body {
        Object run() throws Throwable;
    }

    @Override
    public Object libraryCall(LibraryCall call) throws Throwable {
        return LibraryOps.call(this, call);
    }

    @Override
    public java.util.concurrent.Executor completionExecutor(
            java.util.concurrent.Executor executor, int site) {
        return CompletionServices.executorFor(this, executor, site);
    }

    @Override
    public void collectionCreated(Object collection) {
        SharedCollections.created(this, collection);
    }

    @Override
    public void accessOrderedMapCreated(Object map) {
        run().accessOrdered.put(map, Boolean.TRUE);
    }

    @Override
    public long nanoTime(int site) {
        if (!active || Coordinator.context() != this) {
            return System.nanoTime();
        }
        looked();
        return nanoBase + Coordinator.advanceClock(1_000);
    }

    @Override
    public void timeoutIgnored(int site) {
        if (!active || Coordinator.context() != this) {
            return;
        }
        RunModel r = run();
        ThreadModel me = r.byCarrier.get(Thread.currentThread());
        if (me != null) {
            SafetyNets.ignored(r, me, Instructions.get(site).operation());
        }
    }

    /** The program read a timed wait's stored answer: it can tell whether the wait timed out. */
    @Override
    public void timeoutResultRead() {
        if (active && Coordinator.context() == this) {
            looked();
        }
    }

    @Override
    public long currentTimeMillis(int site) {
        if (!active || Coordinator.context() != this) {
            return System.currentTimeMillis();
        }
        looked();
        return millisBase + Coordinator.advanceClock(1_000) / 1_000_000;
    }

    /**
     * {@code thrown} escapes the body of the calling thread, {@code thread}, while it is still
     * managed: the program's {@code System.exit(0)} ({@link io.refguard.agent.bridge.ProgramExit})
     * and an expired safety net ({@link SafetyNets}) end the run as a pass when the thread ends.
     */
    void threadEnds(String thread, Throwable thrown) {
        if (thrown instanceof io.refguard.agent.bridge.ProgramExit exit && exit.status() == 0) {
            Coordinator.programExited();
        } else {
            SafetyNets.expired(this, thread, thrown);
        }
    }

    /**
     * The calling thread of the run looked at the clock or at another thread: it can tell that a
     * wait of its own timed out ({@link SafetyNets#looked}).
     */
    private void looked() {
        RunModel r = run();
        if (!r.unseenTimeouts) {
            return;
        }
        ThreadModel me = r.byCarrier.get(Thread.currentThread());
        if (me != null) {
            SafetyNets.looked(me);
        }
    }

    /**
     * The calling thread's stream of random numbers ({@link ThreadModel#random()}), the same in
     * every run of a schedule; null off the run's threads.
     */
    @Override
    public java.util.random.RandomGenerator threadRandom(int site) {
        if (!active || Coordinator.context() != this) {
            return null;
        }
        return current().random();
    }

    /**
     * A field's read or write, an atomic's operation: a point on the field, one part of its object
     * apart from the object's monitor. A plain field's accesses fold as an array's elements do
     * ({@link Coordinator#foldingPoint}): a thread's repeated accesses to one field join one step
     * while nothing else happens, and every access does while no other thread can run, so a long
     * loop over plain fields (a worker that counts, a setup that fills a structure) does not spend
     * the run's step budget.
     */
    @Override
    public void beforeAccess(Object target, AccessKind kind, int site) {
        Instruction in = Instructions.get(site);
        boolean plain = in.plainField();
        if (plain && Coordinator.foldedAccess()) {
            return; // joins a step made while no other thread could run: no target needed
        }
        RunModel r = run();
        r.ops++;
        LockModel k = r.key(target, site);
        String field = in.field();
        // a field is a target of its own: accesses of different fields, and of a field and the
        // object's monitor, commute
        Object part = field == null ? k : k.field(field);
        if (plain) {
            Coordinator.foldingPoint(part, access(kind), label(site));
        } else {
            Coordinator.point(part, access(kind), label(site));
        }
    }

    /**
     * An atomic array's access of slot {@code index}: a point on that slot, a part of the array of
     * its own, so that accesses of different slots commute and a scan of the slots, each read once
     * through one call site, is no spin for fair scheduling, which tells locations apart by
     * identity.
     */
    @Override
    public void beforeSlotAccess(Object array, int index, AccessKind kind, int site) {
        RunModel r = run();
        r.ops++;
        Coordinator.point(r.key(array, site).slot(index), access(kind), label(site));
    }

    /**
     * An array element's read or write: a point on the array's elements, one part of the array
     * ({@link Instruction#ELEMENTS}) apart from its monitor, folded into the thread's last step
     * when that was an access of the same elements that covers it ({@link
     * Coordinator#foldingPoint}).
     *
     * <p>All elements are one target, not one per element: then a loop over an array folds into one
     * step where per-element targets would make a point, and a decision, of every access (a
     * loop-heavy thread would soon reach {@code maxSteps}), for an allocation per element and run.
     * The price is that two threads writing different elements look dependent, so reductions order
     * them when they need not; a search without reduction is not affected.
     */
    @Override
    public void beforeElementAccess(Object array, int index, AccessKind kind, int site) {
        String name = elementsPoint(array, kind, site);
        if (name != null) {
            Coordinator.showOperation(
                    (kind == AccessKind.READ ? "array read " : "array write ")
                            + name
                            + "["
                            + index
                            + "]");
        }
    }

    /**
     * A folding point on {@code array}'s elements; the array's report name when it was a point of a
     * traced run, whose row the caller then names in detail, else null.
     */
    private String elementsPoint(Object array, AccessKind kind, int site) {
        if (Coordinator.foldedAccess()) {
            return null; // joins a step made while no other thread could run: no target needed
        }
        RunModel r = run();
        r.ops++;
        FieldOf elements = r.elements(array, site);
        return Coordinator.foldingPoint(elements, access(kind), label(site))
                        && Coordinator.tracing()
                ? ((LockModel) elements.whole()).name
                : null;
    }

    @Override
    public void beforePlainUnsafe(Object base, AccessKind kind, int site) {
        if (Coordinator.foldedAccess()) {
            return;
        }
        RunModel r = run();
        r.ops++;
        // an array's elements are one location, whether reached by xALOAD or through Unsafe; an
        // object's fields, unknown by offset, are every field of it
        Object part =
                base.getClass().isArray()
                        ? r.elements(base, site)
                        : r.key(base, site).field(Instruction.ANY_FIELD);
        Coordinator.foldingPoint(part, access(kind), label(site));
    }

    @Override
    public void beforeElementRange(Object array, int from, int length, AccessKind kind, int site) {
        String name = elementsPoint(array, kind, site);
        if (name != null) {
            Coordinator.showOperation(
                    label(site)
                            + " "
                            + name
                            + (length <= 1
                                    ? "[" + (length == 1 ? from : "") + "]"
                                    : "[" + from + ".." + (from + length - 1) + "]"));
        }
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        MonitorOps.enter(this, current(), monitor, site);
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        MonitorOps.exit(this, current(), monitor);
    }

    @Override
    public boolean holdsMonitor(Object monitor, int site) {
        LockModel m = run().existingKey(monitor);
        return m != null && Coordinator.holdCount(m) > 0;
    }

    @Override
    public void monitorWait(Object monitor, long timeoutMillis, int site)
            throws InterruptedException {
        MonitorOps.await(this, current(), monitor, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
    }

    @Override
    public void monitorNotify(Object monitor, boolean all, int site) {
        MonitorOps.notify(this, current(), monitor, all);
    }

    @Override
    public void park(Object blocker, ParkOp op, long time, int site) {
        ThreadModel me = current();
        RunModel r = run();
        r.ops++;
        boolean timed = op != ParkOp.PARK;
        long nanos =
                op == ParkOp.PARK_NANOS
                        ? time
                        : op == ParkOp.PARK_UNTIL
                                ? TimeUnit.MILLISECONDS.toNanos(time - currentTimeMillis(site))
                                : 0;
        if (timed && nanos <= 0) {
            Coordinator.point(me, Access.UPDATE, "park"); // an elapsed timeout returns at once
            return;
        }
        if (r.libraryDepth > 0) {
            if (!Coordinator.tryPark()) {
                throw RunModel.blockedInLibrary("park");
            }
            return;
        }
        int before = SafetyNets.beforeWait();
        Coordinator.park(timed ? nanos : -1L, r.early(RunModel.Timeout.BOUND, timed, nanos), me);
        if (timed) {
            SafetyNets.timedOutUnseen(r, me, "park", before);
        }
    }

    @Override
    public void unpark(Thread thread, int site) {
        if (thread == null) {
            return;
        }
        ThreadModel t = ThreadOps.lookup(run(), thread);
        if (t == null) {
            LockSupport.unpark(thread); // not a thread of this run: the real thing
            return;
        }
        run().ops++;
        Coordinator.point(t, Access.UPDATE, "unpark");
        if (t.handle != null) {
            Coordinator.unpark(t.handle);
        }
    }

    @Override
    public boolean lock(Lock lock, LockOp op, long time, TimeUnit unit, int site)
            throws InterruptedException {
        return LockOps.lock(
                this, current(), lock, op, unit == null ? 0 : unit.toNanos(time), site, false);
    }

    @Override
    public void unlock(Lock lock, int site) {
        LockOps.unlock(this, current(), lock, false);
    }

    @Override
    public boolean superLock(
            java.util.concurrent.locks.ReentrantLock lock,
            LockOp op,
            long time,
            TimeUnit unit,
            int site)
            throws InterruptedException {
        return LockOps.lock(
                this, current(), lock, op, unit == null ? 0 : unit.toNanos(time), site, true);
    }

    @Override
    public void superUnlock(java.util.concurrent.locks.ReentrantLock lock, int site) {
        LockOps.unlock(this, current(), lock, true);
    }

    @Override
    public Condition newCondition(Lock lock, int site) {
        Condition c = lock.newCondition();
        run().conditionLocks.put(c, lock);
        return c;
    }

    @Override
    public long await(
            Condition condition, AwaitOp op, long time, TimeUnit unit, Date deadline, int site)
            throws InterruptedException {
        return LockOps.await(this, current(), condition, op, time, unit, deadline, site);
    }

    @Override
    public void signal(Condition condition, boolean all, int site) {
        LockOps.signal(this, current(), condition, all, site);
    }

    @Override
    public boolean acquire(
            Semaphore semaphore, AcquireOp op, int permits, long time, TimeUnit unit, int site)
            throws InterruptedException {
        return LockOps.acquire(
                this,
                current(),
                semaphore,
                op,
                permits,
                unit == null ? 0 : unit.toNanos(time),
                site);
    }

    @Override
    public void jvmClassInit(boolean on) {
        Coordinator.pin(on);
    }

    @Override
    public void nestedClassInit(Class<?> type) {
        RunModel r = run();
        r.ops++;
        Coordinator.point(
                r.key(type, -1), Access.UPDATE, "initialize " + RunModel.simpleName(type));
    }

    @Override
    public void awaitClassInit(Class<?> type, java.util.function.BooleanSupplier done) {
        RunModel r = run();
        r.ops++;
        r.block(done, false, type, "initialization of " + RunModel.simpleName(type));
    }

    @Override
    public void release(Semaphore semaphore, int permits, int site) {
        RunModel r = run();
        r.ops++;
        Coordinator.point(r.key(semaphore, site), Access.UPDATE, "release");
        semaphore.release(permits);
        // released here, so an acquire it frees orders after the release, not what follows it
        Coordinator.operationDone();
    }

    @Override
    public boolean awaitLatch(CountDownLatch latch, long time, TimeUnit unit, int site)
            throws InterruptedException {
        ThreadModel me = current();
        RunModel r = run();
        ThreadOps.throwIfInterrupted(me);
        r.ops++;
        boolean timed = unit != null;
        if (timed && time <= 0) {
            Coordinator.point(r.key(latch, site), Access.READ, "await");
            return latch.getCount() == 0;
        }
        r.blockFreedByRelease(
                () -> latch.getCount() == 0 || me.interrupted(),
                timed,
                timed ? unit.toNanos(time) : 0L,
                r.key(latch, site),
                "await",
                RunModel.Timeout.BOUND);
        if (latch.getCount() != 0) {
            ThreadOps.throwIfInterrupted(me);
        }
        return latch.getCount() == 0;
    }

    @Override
    public void countDown(CountDownLatch latch, int site) {
        RunModel r = run();
        r.ops++;
        Coordinator.point(r.key(latch, site), Access.UPDATE, "countDown");
        latch.countDown();
        // released here, so a waiter it frees orders after the countDown, not what follows it
        Coordinator.operationDone();
    }

    @Override
    public void threadStart(Thread thread, int site) {
        ThreadOps.start(this, thread);
    }

    @Override
    public void threadJoin(Thread thread, long millis, int nanos, int site)
            throws InterruptedException {
        ThreadOps.join(this, current(), thread, TimeUnit.MILLISECONDS.toNanos(millis) + nanos);
    }

    @Override
    public void threadSleep(long millis, int nanos, int site) throws InterruptedException {
        ThreadOps.sleep(this, current(), TimeUnit.MILLISECONDS.toNanos(millis) + nanos);
    }

    @Override
    public void threadYield(boolean spinWait, int site) {
        ThreadOps.stepAside(run(), current(), spinWait);
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        ThreadOps.interrupt(run(), thread);
    }

    @Override
    public Thread currentThread(int site) {
        return current().thread;
    }

    @Override
    public void threadCreated(Thread thread, Runnable task, int site) {
        run().tasks.put(thread, task);
    }

    @Override
    public long threadId(Thread thread, int site) {
        return ThreadOps.threadId(run(), thread);
    }

    @Override
    public String threadName(Thread thread, int site) {
        return ThreadOps.threadName(run(), thread);
    }

    @Override
    public void threadSetDaemon(Thread thread, boolean on, int site) {
        thread.setDaemon(on); // throws as the JVM would when it was started
        run().daemons.put(thread, on);
    }

    @Override
    public boolean threadIsAlive(Thread thread, int site) {
        ThreadModel t = ThreadOps.lookup(run(), thread);
        if (t == null) {
            return thread.isAlive();
        }
        looked();
        return t.started && !t.finished();
    }

    /**
     * A thread group's live threads, from the run: the JVM never starts the threads of a run, so
     * the real group would count none of them (and would count refguard's own workers). Counted:
     * the run's platform threads started and not finished whose group is {@code group}, or under it
     * when {@code recurse}; in the order the run met them, so the same in every run of a schedule.
     * A read of every thread's state, so a loop that polls the count is a spin the explorer holds
     * back until a thread ends.
     */
    @Override
    public int groupThreads(ThreadGroup group, Thread[] list, boolean recurse, int site) {
        RunModel r = run();
        ThreadModel me = current();
        ThreadGroup g = group != null ? group : me.thread.getThreadGroup();
        r.ops++;
        Coordinator.point(null, Access.READ, label(site));
        looked();
        java.util.List<ThreadModel> live = new java.util.ArrayList<>();
        for (ThreadModel t : r.threads.values()) {
            if (t.started && !t.finished() && !ThreadOps.isVirtual(t.thread)) {
                ThreadGroup tg = t.thread.getThreadGroup();
                if (tg == g || recurse && tg != null && g.parentOf(tg)) {
                    live.add(t);
                }
            }
        }
        live.sort(java.util.Comparator.comparingLong(t -> t.id));
        if (list == null) {
            return live.size();
        }
        int n = Math.min(list.length, live.size());
        for (int k = 0; k < n; k++) {
            list[k] = live.get(k).thread;
        }
        return n;
    }

    /**
     * {@code thread.getState()} of a thread of the run, from the model ({@link
     * Coordinator#threadState}): the real thread object is never started. A read of the thread's
     * state, so that a loop that polls it is a spin the explorer holds back until the others moved.
     */
    @Override
    public Thread.State threadState(Thread thread, int site) {
        RunModel r = run();
        ThreadModel t = ThreadOps.lookup(r, thread);
        if (t == null) {
            return thread.getState();
        }
        r.ops++;
        Coordinator.point(t, Access.READ, label(site));
        looked();
        if (!t.started) {
            return Thread.State.NEW;
        }
        if (t.handle == null) {
            return Thread.State.RUNNABLE; // started, its first step not yet taken
        }
        Thread.State s = Coordinator.threadState(t.handle);
        return s == Thread.State.BLOCKED && r.waitsForLibraryLock(t.handle)
                ? Thread.State.WAITING // a ReentrantLock's waiters park in the JDK
                : s;
    }

    @Override
    public boolean threadStarted(Thread thread, int site) {
        ThreadModel t = ThreadOps.lookup(run(), thread);
        return t == null ? thread.getState() != Thread.State.NEW : t.started;
    }

    @Override
    public boolean threadIsInterrupted(Thread thread, boolean clear, int site) {
        ThreadModel t = ThreadOps.lookup(run(), thread);
        if (t == null) {
            return clear ? Thread.interrupted() : thread.isInterrupted();
        }
        boolean was = t.interrupted();
        if (clear) {
            t.interrupted(false);
        }
        return was;
    }

    @Override
    public ThreadFactory threadFactory(ThreadFactory base, int site) {
        return ThreadOps.refusingFactory(site);
    }

    @Override
    public ExecutorService newExecutor(
            ExecutorKind kind, int threads, ThreadFactory factory, int site) {
        RunModel r = run();
        r.ops++;
        ExecutorService model =
                kind == ExecutorKind.SCHEDULED || kind == ExecutorKind.SINGLE_SCHEDULED
                        ? new ModeledScheduledExecutor(this, r, threads, factory, r.nextPool())
                        : new ModeledExecutor(this, r, kind, threads, factory, r.nextPool());
        return DirectPools.behindRealPool(this, kind, threads, model, site);
    }

    @Override
    public String toString() {
        return "refguard exploring interceptor";
    }
}
