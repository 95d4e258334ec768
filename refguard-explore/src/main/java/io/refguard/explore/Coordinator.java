package io.refguard.explore;

import io.refguard.explore.runtime.ModelCalls;
import io.refguard.hook.Access;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one entry point through which code under exploration talks to the scheduler: the explicit
 * API, the modeled shared types and instrumented bytecode all call these static methods.
 *
 * <p>On a <em>managed</em> thread (an actor of a running exploration) every method is a scheduling
 * point: the explorer may run other threads before the operation happens, and the blocking methods
 * block in the runtime's model, so it always knows who can run. On any other thread each method
 * does the plain thing, as documented on it, at the cost of one type check: instrumented code may
 * call them unconditionally.
 *
 * <p>Several explorations may run at once in one JVM, each driven by its own thread: a managed
 * thread knows its exploration, so every call here acts on the caller's own exploration and nothing
 * is shared between them.
 *
 * <p>Locks and monitors are keyed by object identity. A thread that blocks forever (every live
 * thread blocked) is reported as a deadlock; a thread that stays away from scheduling points for
 * longer than the run timeout is reported as stuck.
 */
public final class Coordinator {

    private Coordinator() {}

    /**
     * Runs {@code exploration} on the calling thread so that every exploration it drives meanwhile
     * carries {@code context}, which the exploration's managed threads read with {@link
     * #context()}. An adapter that keeps state per exploration (such as the agent's interceptor)
     * attaches it this way, and finds it again from any of the exploration's threads without a
     * lookup table, however many explorations run side by side.
     */
    public static <R> R withContext(Object context, Supplier<R> exploration) {
        return ModelCalls.withContext(context, exploration);
    }

    /**
     * A deterministic identity hash for an object whose hash is asked for the first time, or 0 when
     * the calling thread belongs to no exploration. On an actor of an exploration, and on the
     * thread driving it (setup, final check), each run hands out the same sequence of positive
     * numbers, so objects hashed in the same order get the same hashes in every run of the same
     * schedule and hash tables keyed by identity iterate in the same order. The caller must store
     * the value with the object and return it ever after (the agent does this for instrumented
     * classes that do not override {@code hashCode}); on 0 it uses {@link System#identityHashCode}.
     */
    public static int identityHash() {
        return ModelCalls.identityHash();
    }

    /**
     * The context attached to the exploration the calling thread runs actor code for ({@link
     * #withContext}), or null: an unmanaged thread, or an exploration started without one.
     */
    public static Object context() {
        return ModelCalls.context();
    }

    /**
     * A number that changes with every run of the exploration the calling thread belongs to, or -1
     * on an unmanaged thread: code that keeps a model of a run (such as the agent's adapter) starts
     * a fresh one when it sees a new number.
     */
    public static long runNumber() {
        return ModelCalls.runNumber();
    }

    /**
     * Whether the calling thread runs actor code in a traced run: the re-run of a schedule that is
     * reported. An adapter formats {@link #showValues values} only then.
     */
    public static boolean tracing() {
        return ModelCalls.tracing();
    }

    /**
     * In a traced run, shows a call's values in the caller's last row of the report: {@code
     * Map.get()} becomes {@code Map.get("k") -> 1}. {@code arguments} is the text between the
     * parentheses (empty for none); {@code result} the returned value's text, or null for a {@code
     * void} call. Nothing elsewhere.
     */
    public static void showValues(String arguments, String result) {
        ModelCalls.showValues(arguments, result);
    }

    /**
     * In a traced run, shows {@code text} in place of the label of the caller's last row of the
     * report, for an operation whose row names more than its constant label can, such as the
     * element an array access touched ({@code array write int[]#1[1]}). Nothing elsewhere.
     */
    public static void showOperation(String text) {
        ModelCalls.showOperation(text);
    }

    /**
     * The name the caller's run gives {@code o} in its report: its {@link Named#reportName()}, or
     * its class and an ordinal in order of first appearance ({@code NsInfo#1}); null on a thread
     * that is not managed.
     */
    public static String reportName(Object o) {
        return ModelCalls.reportName(o);
    }

    /** Whether the calling thread runs actor code under exploration. */
    public static boolean isManaged() {
        return ModelCalls.isManaged();
    }

    /**
     * A scheduling point before an operation on shared state. Unmanaged: nothing.
     *
     * @param target the object the operation touches, or null if unknown (then the step is treated
     *     as dependent on every other step)
     * @param access how it touches {@code target}
     * @param label a constant name for the operation, shown in reports; never built per call
     */
    public static void point(Object target, Access access, String label) {
        ModelCalls.point(target, access, label);
    }

    /**
     * A scheduling point before an access that a thread tends to repeat many times in a row, such
     * as an access of an array element in a loop: as {@link #point(Object, Access, String)}, but
     * the access joins the caller's last step, with no point and no decision, when that step began
     * at one of these, nothing was released, woken or started since, and
     *
     * <ul>
     *   <li>it was on the same target, with the same access or a write, and fewer than 100,000
     *       accesses joined it; or
     *   <li>it announced every target, and fewer than 100,000 accesses joined it or no other thread
     *       can run yet.
     * </ul>
     *
     * A point announces every target (and orders nothing in the run's happens-before order) when
     * every other live thread of the run waits for a lock, a signal or a thread's end, which only
     * the caller can bring about, so that no other thread could run before the next release:
     * nothing is lost. It does so too after 16 of these points in a row with nothing else between
     * them, so a loop over two arrays folds as well. What is lost otherwise is another thread's
     * access between two accesses of one step; a read followed by a write of one target, and
     * accesses of two targets, are always two steps (until such a loop widens). Unmanaged: nothing.
     *
     * @param target the part of shared state the access touches, the same object for every access
     *     that may fold into one step (never null)
     * @param access how it touches {@code target}: a read, or a write
     * @param label a constant name for the operation, shown in reports; never built per call
     * @return whether it was a scheduling point: a caller that names the step in more detail
     *     ({@link #showOperation}) does so only then
     */
    public static boolean foldingPoint(Object target, Access access, String label) {
        return ModelCalls.foldingPoint(target, access, label);
    }

    /**
     * Whether an access the caller is about to make joins its last step whatever it touches,
     * because that step's {@link #foldingPoint} announced every target and the access may join it;
     * if so, the access is counted and needs no {@link #foldingPoint}. A caller may test this
     * first, before it works out a target. Not a scheduling point. False on an unmanaged thread.
     */
    public static boolean foldedAccess() {
        return ModelCalls.foldedAccess();
    }

    /**
     * A scheduling point before an access that synchronizes nothing, such as a call on a collection
     * that is not thread-safe: as {@link #point(Object, Access, String)}, except that it orders no
     * other thread's actions in the run's happens-before order ({@link #happenedBefore}), so the
     * races a check looks for between such accesses are not hidden by the accesses themselves.
     */
    public static void unorderedPoint(Object target, Access access, String label) {
        ModelCalls.unorderedPoint(target, access, label);
    }

    /**
     * Ends the calling thread's run as inconclusive: the thread must next do something refguard
     * cannot control, such as wait for a thread the explorer did not start, or an operation it does
     * not model. Code that catches exceptions cannot hide it: the run is already over.
     *
     * @param message what refguard could not control, and what the user can do about it
     * @return never: declared so that callers can write {@code throw Coordinator.lostControl(...)}
     * @throws ControlLost always (managed: after ending the run, so the thread unwinds)
     */
    public static RuntimeException lostControl(String message) {
        return ModelCalls.lostControl(message);
    }

    /**
     * A yield in a spin loop, like {@link Thread#onSpinWait()} or {@link Thread#yield()}. Managed:
     * a scheduling point after which the thread is not scheduled again until another thread writes
     * a location it read since its last write (through a scheduling point), or until no other
     * thread can run (fair scheduling). A loop that spins without it is detected too, after a few
     * re-reads of unchanged locations; calling it makes the search shorter. Unmanaged: {@link
     * Thread#onSpinWait()}.
     *
     * @param label a constant name for the wait, such as {@code "await flag"}
     */
    public static void spinWait(String label) {
        ModelCalls.spinWait(label);
    }

    /**
     * Pins (with {@code on}) or unpins the calling thread: while it is pinned and can go on, no
     * other thread is scheduled, so its scheduling points make no decisions. For code that holds a
     * lock the explorer does not model and that other explored threads may need, such as the JVM's
     * own lock of a class it initializes: a switch inside it would leave another thread blocked in
     * the JVM. Pins nest; a run's threads start unpinned. Not a scheduling point; nothing on a
     * thread that is not managed.
     */
    public static void pin(boolean on) {
        ModelCalls.pin(on);
    }

    /**
     * Tells fair scheduling that the update the calling thread made at its last scheduling point (a
     * compare-and-set that failed) wrote nothing, so it counts as a read: a loop of failing
     * compare-and-sets is then recognized as spinning. Not a scheduling point. Unmanaged: nothing.
     */
    public static void updateFailed() {
        ModelCalls.updateFailed();
    }

    /**
     * Tells fair scheduling that the calling thread just changed state that no scheduling point
     * covers, such as a {@code StringBuilder} or a buffer only it has used: a write, after which
     * the locations it re-reads do not make it a spinning thread. A loop that fills its own buffer
     * through a field it reads each turn would otherwise be held back as a spin, and another thread
     * made to run in the middle of it. Not a scheduling point. Unmanaged: nothing.
     */
    public static void wroteUnseen() {
        ModelCalls.wroteUnseen();
    }

    /** A scheduling point with only a label: dependent on every step. Unmanaged: nothing. */
    public static void point(String label) {
        ModelCalls.point(label);
    }

    /**
     * Takes the reentrant lock keyed by {@code lock}'s identity, blocking while another thread
     * holds it. Unmanaged: {@code lock.lock()} if it is a {@link Lock}, else nothing (instrumented
     * code keeps its own {@code monitorenter} on the unmanaged path).
     */
    public static void lock(Object lock) {
        ModelCalls.lock(lock);
    }

    /**
     * Takes the reentrant lock keyed by {@code lock} as part of the caller's current step, with no
     * scheduling point of its own: for a call whose one step acts on an object and takes a lock
     * that the call then holds while it runs the program's code (the caller's {@link #point(Object,
     * Access, String) point} is the step). Blocks while another thread holds it, as {@link #lock}
     * does. Unmanaged: nothing.
     */
    public static void take(Object lock) {
        ModelCalls.take(lock);
    }

    /**
     * Takes the lock if it is free or already held by the caller. Unmanaged: {@code lock.tryLock()}
     * if it is a {@link Lock}, else true.
     */
    public static boolean tryLock(Object lock) {
        return ModelCalls.tryLock(lock);
    }

    /**
     * Releases one hold of the lock; not a scheduling point.
     *
     * @throws IllegalMonitorStateException (managed) when the caller does not hold it
     */
    public static void unlock(Object lock) {
        ModelCalls.unlock(lock);
    }

    /**
     * Waits on {@code monitor}'s wait set, releasing its lock fully and re-taking it (with the same
     * hold count) before returning; no spurious wake-ups. Unmanaged: {@code monitor.wait()}.
     *
     * @throws IllegalMonitorStateException when the caller does not hold {@code monitor}'s lock
     */
    public static void await(Object monitor) throws InterruptedException {
        ModelCalls.await(monitor);
    }

    /**
     * Waits on {@code condition}'s wait set, releasing {@code lock} meanwhile, as {@link
     * Condition#await()} does. Unmanaged: {@code condition.await()} if it is a {@link Condition},
     * else {@code condition.wait()}.
     */
    public static void await(Object lock, Object condition) throws InterruptedException {
        ModelCalls.await(lock, condition);
    }

    /** Wakes the longest waiter on {@code monitor}. Unmanaged: {@code monitor.notify()}. */
    public static void signal(Object monitor) {
        ModelCalls.signal(monitor);
    }

    /**
     * Wakes the longest waiter on {@code condition} (FIFO: the model does not explore which waiter
     * {@code notify} picks). The caller must hold {@code lock}. Unmanaged: {@code
     * condition.signal()} or {@code condition.notify()}.
     */
    public static void signal(Object lock, Object condition) {
        ModelCalls.signal(lock, condition);
    }

    /** Wakes every waiter on {@code monitor}. Unmanaged: {@code monitor.notifyAll()}. */
    public static void signalAll(Object monitor) {
        ModelCalls.signalAll(monitor);
    }

    /** Wakes every waiter on {@code condition}; the caller must hold {@code lock}. */
    public static void signalAll(Object lock, Object condition) {
        ModelCalls.signalAll(lock, condition);
    }

    /**
     * Blocks until {@code condition} holds. Managed: a scheduling point, then the thread is
     * disabled until the runtime, evaluating {@code condition} while every thread is paused, finds
     * it true; the condition must only read state and must not block. Build semaphores, latches,
     * read-write locks or park/unpark on it. Unmanaged: spins with {@link Thread#yield()} until it
     * holds.
     *
     * @param target the object the condition reads, or null; used for reports and reduction
     * @param label a constant name for the wait, such as {@code "acquire permit"}
     */
    public static void blockUntil(BooleanSupplier condition, Object target, String label) {
        ModelCalls.blockUntil(condition, target, label);
    }

    /**
     * How many times the calling thread holds the lock keyed by {@code lock}'s identity; 0 when it
     * does not hold it, and on an unmanaged thread.
     */
    public static int holdCount(Object lock) {
        return ModelCalls.holdCount(lock);
    }

    /**
     * Whether some thread of the caller's run holds the lock keyed by {@code lock}'s identity.
     * Works also in a wake-up condition, which the runtime evaluates on another thread of the run.
     * Unmanaged: false.
     */
    public static boolean isLocked(Object lock) {
        return ModelCalls.isLocked(lock);
    }

    /**
     * How many threads of the caller's run wait on {@code condition}'s wait set ({@link #await(
     * Object, Object, long, boolean, boolean, String)}), neither signalled nor timed out yet: what
     * {@code ReentrantLock.getWaitQueueLength} answers. Unmanaged: 0.
     */
    public static int waiters(Object condition) {
        return ModelCalls.waiters(condition);
    }

    /**
     * How many steps the calling thread took since its last timed wait that timed out early ({@link
     * #blockUntil(BooleanSupplier, long, boolean, Object, String)} with {@code early}, while other
     * threads could still go on), or -1 when none did in this run, or when the thread has blocked
     * since, waiting for another thread: then it did not give up on the others. Unmanaged: -1.
     */
    public static int stepsSinceEarlyTimeout() {
        return ModelCalls.stepsSinceEarlyTimeout();
    }

    /**
     * Notes that a timed wait of the calling thread ended in time, without timing out, also when it
     * did not have to block (a retried {@code awaitAdvance} that finds the phase advanced): after
     * an early timeout, the thread went on with the others, and {@link #stepsSinceEarlyTimeout()}
     * is -1 from here on. {@link #blockUntil(BooleanSupplier, long, boolean, Object, String)} notes
     * it itself. Unmanaged: nothing.
     */
    public static void waitedInTime() {
        ModelCalls.waitedInTime();
    }

    /**
     * Whether a thread of the caller's run, the caller or another, had a timed wait time out early
     * and has not waited for another thread since: it gave up on the others, and what it did next
     * (an exception it kept for another thread to report) is the program's reaction to the timeout.
     * Unmanaged: false.
     */
    public static boolean gaveUpAfterEarlyTimeout() {
        return ModelCalls.gaveUpAfterEarlyTimeout();
    }

    /**
     * Declares the exception the calling thread is about to end with an expired safety net: its own
     * reaction to a timeout that was made to expire early ({@link #stepsSinceEarlyTimeout()}), such
     * as a failed assertion that the wait succeeded. The run ends when the thread does, as a pass
     * ({@code RunStatus.SAFETY_NET}), not a failure. Unmanaged: nothing.
     */
    public static void safetyNetExpired() {
        ModelCalls.safetyNetExpired();
    }

    /**
     * Declares the exception the calling thread is about to end with the program's exit with status
     * 0 ({@code System.exit(0)}), which an exploration cannot let through to the JVM: the run ends
     * when the thread does, as a pass ({@code RunStatus.EXITED}), the other threads stopped where
     * they were, as the JVM stops them. Unmanaged: nothing.
     */
    public static void programExited() {
        ModelCalls.programExited();
    }

    /**
     * How many threads of the caller's run are blocked taking {@code lock} ({@link #lock}, or a
     * {@link #blockUntil(BooleanSupplier, long, boolean, Object, String) wait} whose target is the
     * lock), or signalled and taking it back after {@link #await(Object, Object, long, boolean,
     * boolean, String) await}: what {@code ReentrantLock.getQueueLength} answers. Unmanaged: 0.
     */
    public static int lockWaiters(Object lock) {
        return ModelCalls.lockWaiters(lock);
    }

    /**
     * Whether {@code thread} is one of the threads {@link #lockWaiters(Object)} counts for {@code
     * lock}: what {@code ReentrantLock.hasQueuedThread} answers.
     *
     * @throws IllegalArgumentException when {@code thread} is not a thread of an exploration run
     */
    public static boolean waitsForLock(ActorHandle thread, Object lock) {
        return ModelCalls.waitsForLock(thread, lock);
    }

    /**
     * Takes the lock once more if the calling thread holds it, without a scheduling point, and
     * returns true; else returns false and changes nothing (then {@link #lock} takes it).
     * Unmanaged: false.
     */
    public static boolean reenter(Object lock) {
        return ModelCalls.reenter(lock);
    }

    /**
     * Waits on {@code condition}'s wait set as {@code Object.wait} and {@code Condition.await} do:
     * releases {@code lock} fully, which the caller holds (check with {@link #holdCount}), blocks
     * until a {@link #signal(Object, Object, boolean, String) signal}, until the thread is
     * {@linkplain #interrupt interrupted} when {@code interruptible}, or until the timeout on the
     * virtual clock expires ({@link #blockUntil(BooleanSupplier, long, boolean, Object, String)};
     * 0: already expired, a negative number: none), then takes {@code lock} again with the same
     * hold count. Managed threads only.
     *
     * @return whether a signal ended the wait
     */
    public static boolean await(
            Object lock,
            Object condition,
            long timeoutNanos,
            boolean early,
            boolean interruptible,
            String label) {
        return ModelCalls.await(lock, condition, timeoutNanos, early, interruptible, label);
    }

    /**
     * Wakes the longest waiter on {@code condition}, or every waiter: as {@link #signal(Object,
     * Object)} and {@link #signalAll(Object, Object)}, with {@code label} naming the step.
     */
    public static void signal(Object lock, Object condition, boolean all, String label) {
        ModelCalls.signal(lock, condition, all, label);
    }

    /**
     * A mark of where the calling managed thread is now in its run's happens-before order, for
     * {@link #happenedBefore}; -1 on an unmanaged thread. The first mark of a run starts keeping
     * that order (vector clocks over the run's synchronization), so runs that never ask pay
     * nothing. The order is the program's or wider, never narrower: every scheduling point
     * synchronizes on its target, and a wait that ends because its condition holds acquires every
     * earlier release.
     */
    public static long happensBeforeMark() {
        return ModelCalls.happensBeforeMark();
    }

    /**
     * Whether the moment {@code mark} names ({@link #happensBeforeMark}, taken in this run)
     * happened before where the calling managed thread is now: the same thread earlier, or another
     * thread before a release that the caller has acquired since, directly or through others. True
     * on an unmanaged thread and for -1.
     */
    public static boolean happenedBefore(long mark) {
        return ModelCalls.happenedBefore(mark);
    }

    /**
     * The calling managed thread acquires every release of its run so far: for an operation that
     * reads state some thread may have written without a scheduling point on the same target, such
     * as a future's result, set by whichever task completed it. Not a scheduling point. Unmanaged:
     * nothing.
     */
    public static void acquireAll() {
        ModelCalls.acquireAll();
    }

    /**
     * Ends an operation that ran code after its scheduling point, such as a library call running
     * the program's callbacks: what the caller did up to here happens before whatever later
     * synchronizes on that point's target. Not a scheduling point. Unmanaged: nothing.
     */
    public static void operationDone() {
        ModelCalls.operationDone();
    }

    /**
     * As {@link #operationDone()}, for an operation whose point was on {@code target} and whose
     * callbacks made points of their own since: what the caller did up to here happens before
     * whatever later synchronizes on {@code target}.
     */
    public static void operationDone(Object target) {
        ModelCalls.operationDone(target);
    }

    /**
     * The calling managed thread as a handle, for {@link #interrupt}, {@link #isInterrupted} and
     * {@link #unpark} from other threads; null on an unmanaged thread.
     */
    public static ActorHandle currentHandle() {
        return ModelCalls.currentHandle();
    }

    /**
     * Marks a thread of the caller's run as a daemon, as {@code Thread.setDaemon(true)} before its
     * start: once every thread that is not a daemon has finished, the run is complete, with the
     * daemons wherever they are (blocked or running), as the JVM exits then. Not a scheduling
     * point.
     */
    public static void daemon(ActorHandle thread) {
        ModelCalls.daemon(thread);
    }

    /**
     * Sets (or with {@code on} false clears) the interrupt status of a thread of the caller's run;
     * not a scheduling point. An interrupt ends the thread's interruptible waits.
     */
    public static void interrupt(ActorHandle thread, boolean on) {
        ModelCalls.interrupt(thread, on);
    }

    /** The interrupt status of a thread of the caller's run. Works also in a wake-up condition. */
    public static boolean isInterrupted(ActorHandle thread) {
        return ModelCalls.isInterrupted(thread);
    }

    /**
     * Whether a thread of the caller's run could go on now, ignoring timeouts: it is not blocked,
     * or what it waits for has happened. Works also in a wake-up condition.
     */
    public static boolean canGoOn(ActorHandle thread) {
        return ModelCalls.canGoOn(thread);
    }

    /** Whether a thread of the caller's run has finished its body. */
    public static boolean isFinished(ActorHandle thread) {
        return ModelCalls.isFinished(thread);
    }

    /**
     * What {@code Thread.getState()} says of a thread of the caller's run, from the model: {@code
     * RUNNABLE} while it may run (also before its first step), {@code TERMINATED} once its body
     * ended, {@code BLOCKED} while it waits to take a lock or to take it again after a notify or
     * signal, {@code TIMED_WAITING} in any other wait with a timeout on the virtual clock, {@code
     * WAITING} in one without. A caller that models a {@code java.util.concurrent} lock with the
     * runtime's locks says {@code WAITING} where the JDK does ({@link #waitsForLock}); a thread not
     * yet started is the caller's to answer ({@code NEW}).
     *
     * @throws IllegalArgumentException when {@code thread} is not a thread of an exploration run
     */
    public static Thread.State threadState(ActorHandle thread) {
        return ModelCalls.threadState(thread);
    }

    /**
     * {@code LockSupport.park}: blocks the calling thread until its permit is available, it is
     * interrupted, or the timeout on the virtual clock expires (negative: none; see {@link
     * #blockUntil(BooleanSupplier, long, boolean, Object, String)}), then consumes the permit.
     * Managed threads only.
     */
    public static void park(long timeoutNanos, boolean early, Object target) {
        ModelCalls.park(timeoutNanos, early, target);
    }

    /**
     * Whether {@code LockSupport.park} would return at once for the calling thread (its permit is
     * available, which this consumes, or it is interrupted); never blocks nor is a scheduling
     * point. Managed threads only.
     */
    public static boolean tryPark() {
        return ModelCalls.tryPark();
    }

    /** {@code LockSupport.unpark}: makes the permit of a thread of the caller's run available. */
    public static void unpark(ActorHandle thread) {
        ModelCalls.unpark(thread);
    }

    /**
     * Blocks until {@code wake} holds or the wait times out on the run's virtual clock (see {@link
     * Waits}): a scheduling point, then the thread is disabled until {@code wake} holds, or, when
     * {@code timeoutNanos >= 0}, until no other thread can make progress and no other timeout is
     * due earlier, when the clock moves to this wait's deadline. With {@code early}, the wait may
     * also time out at once, before any other thread moves: the explorer explores both paths.
     * {@code wake} must only read state. Unmanaged: spins with {@link Thread#yield()} until {@code
     * wake} holds, ignoring the timeout.
     *
     * @param timeoutNanos the timeout, or a negative number for none
     * @param target the object the condition reads, or null; used for reports and reduction
     * @param label a constant name for the wait, shown in reports
     * @return true when {@code wake} holds, false when the wait timed out
     */
    public static boolean blockUntil(
            BooleanSupplier wake, long timeoutNanos, boolean early, Object target, String label) {
        return ModelCalls.blockUntil(wake, timeoutNanos, early, target, label);
    }

    /**
     * Advances the virtual clock of the calling thread's run by {@code nanos} (0: reads it) and
     * returns it, in nanoseconds since the run started; 0 outside any exploration. Timeouts advance
     * it too ({@link #blockUntil(BooleanSupplier, long, boolean, Object, String)}). Works also in a
     * wake-up condition, which the runtime evaluates on another thread of the run.
     */
    public static long advanceClock(long nanos) {
        return ModelCalls.advanceClock(nanos);
    }

    /** The virtual clock of the calling thread's run: {@link #advanceClock advanceClock(0)}. */
    public static long clockNanos() {
        return ModelCalls.clockNanos();
    }

    /**
     * Whether {@code t} is the runtime's signal that the run is over: it must propagate, never be
     * caught and recorded as the program's failure.
     */
    public static boolean isAbort(Throwable t) {
        return ModelCalls.isAbort(t);
    }

    /**
     * Starts a thread running {@code body}. Managed: a new actor of the current run (the explorer
     * decides when it runs; it gets the next thread id and a column in reports). Unmanaged: a
     * started plain {@link Thread} named {@code name}.
     */
    public static ActorHandle spawn(String name, Runnable body) {
        return ModelCalls.spawn(name, body);
    }

    /**
     * Waits for a spawned thread to finish. Managed: blocks in the model. Unmanaged: {@link
     * Thread#join()}.
     *
     * @throws IllegalArgumentException when the handle comes from another run or mode
     */
    public static void join(ActorHandle handle) throws InterruptedException {
        ModelCalls.join(handle);
    }

    /**
     * Starts {@code thread}, for instrumented {@code thread.start()}. Managed: runs its {@code
     * run()} as a new actor of the current run, named after the thread, and remembers the thread so
     * that {@link #joinThread} and {@link #currentThread} know it; the {@code Thread} object itself
     * is never started. Unmanaged: {@code thread.start()}.
     *
     * @throws IllegalThreadStateException (managed) when the thread was already started in this run
     */
    public static void startThread(Thread thread) {
        ModelCalls.startThread(thread);
    }

    /**
     * Waits for {@code thread} to finish, for instrumented {@code thread.join()}. Managed, for a
     * thread started with {@link #startThread} in this run: blocks in the model. Otherwise: {@code
     * thread.join()}.
     */
    public static void joinThread(Thread thread) throws InterruptedException {
        ModelCalls.joinThread(thread);
    }

    /**
     * The {@code Thread} object whose body the caller runs, for instrumented {@code
     * Thread.currentThread()}: the thread passed to {@link #startThread} when the caller is the
     * actor running it, else the real current thread.
     */
    public static Thread currentThread() {
        return ModelCalls.currentThread();
    }
}
