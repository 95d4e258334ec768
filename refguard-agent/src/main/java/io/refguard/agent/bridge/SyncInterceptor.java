package io.refguard.agent.bridge;

import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * What instrumented code calls instead of its synchronization operations while an interceptor is
 * installed in {@link SyncBridge} and {@linkplain #managesCurrentThread() manages} the calling
 * thread. This is the one seam between the agent and an interleaving explorer.
 *
 * <p><b>Contract.</b> Every method receives the object operated on, the operation, and the
 * {@linkplain Instructions site id} of the instruction, and <em>performs the operation itself</em>:
 * an implementation may model a lock, a wait set or a thread start instead of calling the real one.
 * {@link PassThroughInterceptor} performs every operation for real and is the base to extend for an
 * interceptor that only observes. Exceptions thrown here propagate into the instrumented code
 * exactly as if the original operation had thrown them.
 *
 * <p><b>Monitors.</b> A managed thread never takes a real monitor in instrumented code: {@code
 * synchronized} blocks and methods call {@link #monitorEnter}/{@link #monitorExit}, and {@code
 * Object.wait/notify/notifyAll} call {@link #monitorWait}/{@link #monitorNotify}. The interceptor
 * therefore owns the whole monitor, its owner, recursion count and wait set, and can block a thread
 * in {@code wait} without that thread holding any real monitor another managed thread needs.
 * Consequence: a managed thread and an unmanaged thread (or uninstrumented code that synchronizes
 * on the same object while a managed thread is switched out inside its block) do not exclude each
 * other. {@code docs/AGENT.md} explains why this is the right trade.
 *
 * <p><b>Threading.</b> Methods are called on the thread performing the operation. The bridge asks
 * {@link #managesCurrentThread()} before each operation except monitor exit; an answer must stay
 * the same while the thread is inside a {@code synchronized} region, and the interceptor must stay
 * installed until every managed thread has left instrumented synchronized code.
 */
public interface SyncInterceptor {

    /**
     * Whether operations of the calling thread go to this interceptor; when {@code false} the
     * bridge performs the original operation. Called on every intercepted operation, so it must be
     * cheap and must not block or allocate.
     */
    boolean managesCurrentThread();

    /**
     * The interceptor that handles the calling thread's operations, or {@code null} for the
     * original operation. By default this interceptor when it {@linkplain #managesCurrentThread()
     * manages} the thread. An interceptor that stands for several explorations running side by side
     * returns the one of the calling thread's exploration. Called on every intercepted operation:
     * cheap, no blocking, no allocation.
     */
    default SyncInterceptor forCurrentThread() {
        return managesCurrentThread() ? this : null;
    }

    /**
     * The interceptor of the calling thread's exploration while that thread runs code called back
     * from inside a JDK call (a mapping function of {@code computeIfAbsent}), where {@link
     * #forCurrentThread} answers {@code null} because no thread may switch there; else {@code
     * null}. Only {@link #libraryCallInCallback} is asked of it. Cheap, no blocking, no allocation.
     */
    default SyncInterceptor forCallbackOfCurrentThread() {
        return null;
    }

    /**
     * The calling thread starts ({@code on}) or ends the JVM's own initialization of a class of the
     * program, which holds the JVM's lock of that class: an explorer must not switch to another
     * thread meanwhile, which could need the class and block in the JVM where it cannot see it. By
     * default nothing.
     */
    default void jvmClassInit(boolean on) {}

    /**
     * The calling thread is about to initialize {@code type} while it initializes another class of
     * the program: the point at which another thread can start initializing {@code type} first,
     * which the JVM allows and which is how two initializers that use each other's classes
     * deadlock. Made before the instruction that uses the class, so it is the same point whether
     * the JVM or a re-initializer then initializes it. By default nothing.
     */
    default void nestedClassInit(Class<?> type) {}

    /**
     * The calling thread uses {@code type}, which another thread is initializing: it must wait
     * until {@code done} holds, as the JVM makes it wait. By default it yields until then; an
     * explorer blocks the thread in its model instead.
     */
    default void awaitClassInit(Class<?> type, java.util.function.BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            Thread.yield();
        }
    }

    /**
     * The identity hash to give {@code o}, an object of an instrumented class that inherits {@code
     * Object.hashCode()}, the first time its hash is asked, on any thread (the installed
     * interceptor is asked, whether or not it manages the thread); 0 for the JVM's own. The agent
     * stores the answer in the object. By default 0.
     */
    default int identityHash(Object o) {
        return 0;
    }

    /**
     * What {@code thread.getId()} or {@code thread.threadId()} returns to instrumented code on a
     * managed thread. By default the thread's real id.
     */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    default long threadId(Thread thread, int site) {
        return thread.getId();
    }

    /**
     * Tells that {@code thread}, not started yet, was made by a {@code Thread.Builder} or its
     * factory (JDK 21+) on a managed thread to run {@code task}: a virtual thread's {@code run()}
     * does not run its task, so an interceptor that runs the thread's body itself (instead of
     * starting it) must run {@code task}. By default nothing.
     */
    default void threadCreated(Thread thread, Runnable task, int site) {}

    /**
     * What {@code thread.getName()} returns to instrumented code on a managed thread. By default
     * the thread's real name.
     */
    default String threadName(Thread thread, int site) {
        return thread.getName();
    }

    /**
     * Called before a volatile field access (or a plain one, when the agent was asked to instrument
     * those), an atomic-class method, a field-updater method or a {@code VarHandle} access mode;
     * the bridge performs the access itself right after this returns. This is a scheduling point:
     * the interceptor may run other threads before returning.
     *
     * @param target the object whose state is touched: the field's holder, or its {@code Class} for
     *     a static field; the atomic object; the object argument of a field updater; the first
     *     coordinate of a {@code VarHandle} (the holder or the array), or the handle itself for a
     *     static-field handle
     */
    void beforeAccess(Object target, AccessKind kind, int site);

    /**
     * Called before an access of one slot of an atomic array ({@code AtomicIntegerArray}, {@code
     * AtomicLongArray}, {@code AtomicReferenceArray}), whose every access names its index; the call
     * runs right after this returns, and throws as it would for a bad index. By default the same as
     * {@link #beforeAccess} on the whole array.
     *
     * @param array the atomic array, never null
     * @param index the index the call uses, which may be out of bounds
     */
    default void beforeSlotAccess(Object array, int index, AccessKind kind, int site) {
        beforeAccess(array, kind, site);
    }

    /**
     * Called before a read or write of an element of an array (an {@code xALOAD} or {@code xASTORE}
     * instruction), when the agent was asked to instrument plain fields; the instruction runs right
     * after this returns, and throws as it would for a bad index. The instruction's site names the
     * part of the array it touches ({@link Instruction#field()} is {@link Instruction#ELEMENTS}).
     * By default the same as {@link #beforeAccess}.
     *
     * @param array the array, never null (the instruction throws for null, with no call here)
     * @param index the index the instruction uses, which may be out of bounds
     * @param kind {@link AccessKind#READ} or {@link AccessKind#WRITE}
     */
    default void beforeElementAccess(Object array, int index, AccessKind kind, int site) {
        beforeAccess(array, kind, site);
    }

    /**
     * Called before a plain {@code Unsafe} get or put ({@code getInt(Object, long)}, {@code
     * putLong(long, long)}, ...) when the agent was asked to instrument plain fields: an access of
     * {@code base}'s fields, of its elements when it is an array, or of memory outside the heap
     * (the bridge's one object for it). By default nothing.
     *
     * @param kind {@link AccessKind#READ} or {@link AccessKind#WRITE}
     */
    default void beforePlainUnsafe(Object base, AccessKind kind, int site) {}

    /**
     * Called before a call reads or writes {@code length} elements of an array from {@code from} on
     * ({@link ArrayBulk}: {@code System.arraycopy}, {@code clone()}, {@code Arrays.fill}, ...),
     * when the agent was asked to instrument plain fields. By default the same as {@link
     * #beforeAccess}.
     *
     * @param array the array, never null
     * @param kind {@link AccessKind#READ} or {@link AccessKind#WRITE}
     */
    default void beforeElementRange(Object array, int from, int length, AccessKind kind, int site) {
        beforeAccess(array, kind, site);
    }

    /**
     * Acquires {@code monitor} on behalf of a {@code synchronized} block or method (reentrant).
     * Never called with {@code null}: the bridge throws {@link NullPointerException} first.
     */
    void monitorEnter(Object monitor, int site);

    /**
     * Releases one hold of {@code monitor}. Must not throw in normal operation: the compiler's
     * exception handler for a {@code synchronized} block covers its own monitor exit and repeats it
     * when it throws. To abort a run, throw from another operation.
     */
    void monitorExit(Object monitor, int site);

    /** {@code Thread.holdsLock(monitor)} for a managed thread. */
    boolean holdsMonitor(Object monitor, int site);

    /**
     * {@code monitor.wait(timeoutMillis)}: releases every hold of the monitor, waits for a notify,
     * an interrupt, the timeout (0 means none) or a spurious wake-up, and reacquires the holds.
     *
     * @throws IllegalMonitorStateException when the thread does not hold the monitor
     * @throws InterruptedException when interrupted before or during the wait
     */
    void monitorWait(Object monitor, long timeoutMillis, int site) throws InterruptedException;

    /**
     * {@code monitor.notify()} ({@code all == false}) or {@code monitor.notifyAll()}.
     *
     * @throws IllegalMonitorStateException when the thread does not hold the monitor
     */
    void monitorNotify(Object monitor, boolean all, int site);

    /** A {@code LockSupport.park*} call; {@code time} is as {@link ParkOp} describes. */
    void park(Object blocker, ParkOp op, long time, int site);

    /** {@code LockSupport.unpark(thread)}. */
    void unpark(Thread thread, int site);

    /**
     * An acquiring call on a {@link Lock} (a {@code ReentrantLock}, either lock of a {@code
     * ReentrantReadWriteLock}, or any other {@code Lock}).
     *
     * @param time the timeout for {@link LockOp#TRY_LOCK_TIMED}, else 0
     * @param unit the unit of {@code time} for {@link LockOp#TRY_LOCK_TIMED}, else {@code null}
     * @return whether the lock was acquired ({@code true} for the blocking operations)
     */
    boolean lock(Lock lock, LockOp op, long time, TimeUnit unit, int site)
            throws InterruptedException;

    /** {@code lock.unlock()}. */
    void unlock(Lock lock, int site);

    /**
     * {@code super.lock()} and the other acquiring calls, through {@code super}, of the program's
     * subclass of {@code ReentrantLock} that overrides them: {@code ReentrantLock}'s own method. By
     * default that method, for real.
     */
    default boolean superLock(
            java.util.concurrent.locks.ReentrantLock lock,
            LockOp op,
            long time,
            TimeUnit unit,
            int site)
            throws InterruptedException {
        return SuperLocks.run(lock, op, time, unit);
    }

    /** {@code super.unlock()} in such a subclass. By default {@code ReentrantLock}'s own. */
    default void superUnlock(java.util.concurrent.locks.ReentrantLock lock, int site) {
        SuperLocks.unlock(lock);
    }

    /**
     * {@code lock.newCondition()}; lets an implementation remember which lock a condition belongs
     * to.
     */
    Condition newCondition(Lock lock, int site);

    /**
     * A waiting call on a {@link Condition}.
     *
     * @param time the argument of {@code awaitNanos} or {@code await(time, unit)}, else 0
     * @param unit the unit for {@link AwaitOp#AWAIT_TIMED}, else {@code null}
     * @param deadline the deadline for {@link AwaitOp#AWAIT_UNTIL}, else {@code null}
     * @return the result encoded as {@link AwaitOp} describes
     */
    long await(Condition condition, AwaitOp op, long time, TimeUnit unit, Date deadline, int site)
            throws InterruptedException;

    /** {@code condition.signal()} ({@code all == false}) or {@code condition.signalAll()}. */
    void signal(Condition condition, boolean all, int site);

    /**
     * An acquiring call on a {@link Semaphore}.
     *
     * @param permits the permit count (1 for the methods without one)
     * @param time the timeout for {@link AcquireOp#TRY_ACQUIRE_TIMED}, else 0
     * @param unit the unit of {@code time} for {@link AcquireOp#TRY_ACQUIRE_TIMED}, else {@code
     *     null}
     * @return whether the permits were acquired ({@code true} for the blocking operations)
     */
    boolean acquire(
            Semaphore semaphore, AcquireOp op, int permits, long time, TimeUnit unit, int site)
            throws InterruptedException;

    /** {@code semaphore.release(permits)} (1 for {@code release()}). */
    void release(Semaphore semaphore, int permits, int site);

    /**
     * {@code latch.await()} when {@code unit} is {@code null}, else {@code latch.await(time,
     * unit)}.
     *
     * @return whether the count reached zero ({@code true} for the untimed form)
     */
    boolean awaitLatch(CountDownLatch latch, long time, TimeUnit unit, int site)
            throws InterruptedException;

    /** {@code latch.countDown()}. */
    void countDown(CountDownLatch latch, int site);

    /**
     * {@code thread.start()}. An explorer registers the thread as managed before it runs any code,
     * then starts it.
     */
    void threadStart(Thread thread, int site);

    /** {@code thread.join(millis, nanos)}; {@code (0, 0)} waits forever, as {@code join()} does. */
    void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException;

    /** {@code Thread.sleep(millis, nanos)}. */
    void threadSleep(long millis, int nanos, int site) throws InterruptedException;

    /** {@code Thread.yield()}, or {@code Thread.onSpinWait()} when {@code spinWait} is set. */
    void threadYield(boolean spinWait, int site);

    /** {@code thread.interrupt()}. */
    void threadInterrupt(Thread thread, int site);

    /**
     * The thread factory for an executor created at {@code site} by an {@code Executors} factory
     * method or a {@code ThreadPoolExecutor} constructor, so the pool's threads can be managed.
     *
     * @param base the factory the code passed, or {@code null} when it passed none (the executor
     *     would have used {@link java.util.concurrent.Executors#defaultThreadFactory()})
     * @return the factory the executor is built with; never {@code null}
     */
    ThreadFactory threadFactory(ThreadFactory base, int site);

    /**
     * {@code Thread.currentThread()}: an explorer that runs a {@code Thread}'s body on a thread of
     * its own returns that {@code Thread} object here. The default returns the real current thread.
     */
    default Thread currentThread(int site) {
        return Thread.currentThread();
    }

    /** {@code thread.setDaemon(on)}. The default sets it on the real thread. */
    default void threadSetDaemon(Thread thread, boolean on, int site) {
        thread.setDaemon(on);
    }

    /** {@code thread.isAlive()}. The default asks the real thread. */
    default boolean threadIsAlive(Thread thread, int site) {
        return thread.isAlive();
    }

    /**
     * {@code group.activeCount()} when {@code list} is null, else {@code group.enumerate(list,
     * recurse)}; a null {@code group} is the calling thread's ({@code Thread.activeCount()}, {@code
     * Thread.enumerate}). The default asks the real group.
     */
    default int groupThreads(ThreadGroup group, Thread[] list, boolean recurse, int site) {
        ThreadGroup g = group != null ? group : Thread.currentThread().getThreadGroup();
        return list == null ? g.activeCount() : g.enumerate(list, recurse);
    }

    /** {@code thread.getState()}. The default asks the real thread. */
    default Thread.State threadState(Thread thread, int site) {
        return thread.getState();
    }

    /** Whether {@code thread} was started. The default asks the real thread. */
    default boolean threadStarted(Thread thread, int site) {
        return thread.getState() != Thread.State.NEW;
    }

    /**
     * {@code thread.isInterrupted()}, or {@code Thread.interrupted()} (which also clears the
     * calling thread's status) when {@code clear} is set; {@code thread} is then the caller. The
     * default asks the real thread.
     */
    default boolean threadIsInterrupted(Thread thread, boolean clear, int site) {
        return clear ? Thread.interrupted() : thread.isInterrupted();
    }

    /**
     * An executor for {@code Executors.newFixedThreadPool}, {@code newCachedThreadPool} or {@code
     * newSingleThreadExecutor} called at {@code site}, so an explorer can substitute a model of the
     * whole pool (its queue and idle workers block in JDK code it cannot see).
     *
     * @param threads the pool size for {@link ExecutorKind#FIXED}, else 1 (single) or 0 (cached)
     * @param factory the factory the code passed, or {@code null}
     * @return the executor, or {@code null} to build the JDK's own (the default)
     */
    default ExecutorService newExecutor(
            ExecutorKind kind, int threads, ThreadFactory factory, int site) {
        return null;
    }

    /**
     * A call on a JDK library object ({@link LibraryBridge}) by a managed thread. An explorer makes
     * it one scheduling point, models it when it would block, or refuses what it cannot control.
     * The default makes the original call.
     *
     * @return the call's result, boxed ({@code null} for a void method)
     */
    default Object libraryCall(LibraryCall call) throws Throwable {
        return call.proceed();
    }

    /**
     * A call on a JDK library object made inside a callback of another JDK call ({@link
     * #forCallbackOfCurrentThread}): no scheduling point may happen there, but work handed to a
     * pool there ({@code CompletableFuture.supplyAsync} in a mapping function) must still go to the
     * explorer's pool, not the JDK's. The default makes the original call.
     *
     * @return the call's result, boxed ({@code null} for a void method)
     */
    default Object libraryCallInCallback(LibraryCall call) throws Throwable {
        return call.proceed();
    }

    /**
     * Instrumented code just built {@code collection}, a JDK collection that is not thread-safe
     * ({@code new HashMap<>()}, {@code new ArrayList<>()}, ...), on the current thread. The default
     * does nothing.
     */
    default void collectionCreated(Object collection) {}

    /**
     * Instrumented code just built {@code map}, a {@code LinkedHashMap} in access order (or the
     * program's subclass of one), whose {@code get} moves the entry it finds. The default does
     * nothing.
     */
    default void accessOrderedMapCreated(Object map) {}

    /**
     * The executor a new {@code ExecutorCompletionService} is built over, given the program's
     * {@code executor}. The default returns it.
     */
    default java.util.concurrent.Executor completionExecutor(
            java.util.concurrent.Executor executor, int site) {
        return executor;
    }

    /**
     * The calling thread dropped the result of a JDK timed wait that tells whether it timed out
     * ({@code latch.await(100, MILLISECONDS);} as a statement). By default nothing.
     */
    default void timeoutIgnored(int site) {}

    /**
     * The calling thread read the local variable in which it had stored the result of a JDK timed
     * wait ({@code boolean ok = latch.await(100, MILLISECONDS); ... if (!ok)}): it can tell whether
     * the wait timed out from here on. By default nothing.
     */
    default void timeoutResultRead() {}

    /**
     * {@code System.nanoTime()} as explored code sees it. Unlike the other methods this one is
     * called on any thread while the interceptor is installed, also inside a library call: answer
     * the real clock for threads not managed. The default reads the real clock.
     */
    default long nanoTime(int site) {
        return System.nanoTime();
    }

    /** {@code System.currentTimeMillis()} as explored code sees it, as {@link #nanoTime}. */
    default long currentTimeMillis(int site) {
        return System.currentTimeMillis();
    }

    /**
     * The generator that stands in for {@code ThreadLocalRandom} and {@code Math.random()} on the
     * calling thread, or null to use the real ones. Called on any thread, as {@link #nanoTime}. The
     * default answers null.
     */
    default java.util.random.RandomGenerator threadRandom(int site) {
        return null;
    }
}
