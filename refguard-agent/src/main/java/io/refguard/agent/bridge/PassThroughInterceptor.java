package io.refguard.agent.bridge;

import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link SyncInterceptor} that performs every operation for real: the base class for interceptors
 * that observe (record, count, inject delays) rather than model.
 *
 * <p>Everything except monitors calls the original API. Monitors are emulated per object with a
 * {@code ReentrantLock} and its {@code Condition}, since managed threads take no real monitor in
 * instrumented code; mutual exclusion and wait/notify among managed threads are therefore exact,
 * but a managed thread does not exclude an unmanaged one on the same object (see {@link
 * SyncInterceptor}). {@link #beforeAccess} does nothing.
 *
 * <p>Manages every thread; override {@link #managesCurrentThread()} to narrow that.
 */
public class PassThroughInterceptor implements SyncInterceptor {

    private final EmulatedMonitors monitors = new EmulatedMonitors();

    /** Creates an interceptor with no monitor held. */
    public PassThroughInterceptor() {}

    /** {@inheritDoc} This implementation manages every thread. */
    @Override
    public boolean managesCurrentThread() {
        return true;
    }

    /** {@inheritDoc} This implementation does nothing. */
    @Override
    public void beforeAccess(Object target, AccessKind kind, int site) {}

    /** {@inheritDoc} Blocks on the object's emulated monitor. */
    @Override
    public void monitorEnter(Object monitor, int site) {
        monitors.enter(monitor);
    }

    /** {@inheritDoc} */
    @Override
    public void monitorExit(Object monitor, int site) {
        monitors.exit(monitor);
    }

    /** {@inheritDoc} */
    @Override
    public boolean holdsMonitor(Object monitor, int site) {
        return monitors.holds(monitor);
    }

    /** {@inheritDoc} */
    @Override
    public void monitorWait(Object monitor, long timeoutMillis, int site)
            throws InterruptedException {
        monitors.await(monitor, timeoutMillis);
    }

    /** {@inheritDoc} */
    @Override
    public void monitorNotify(Object monitor, boolean all, int site) {
        monitors.signal(monitor, all);
    }

    /** {@inheritDoc} */
    @Override
    public void park(Object blocker, ParkOp op, long time, int site) {
        switch (op) {
            case PARK -> LockSupport.park(blocker);
            case PARK_NANOS -> LockSupport.parkNanos(blocker, time);
            case PARK_UNTIL -> LockSupport.parkUntil(blocker, time);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void unpark(Thread thread, int site) {
        LockSupport.unpark(thread);
    }

    /** {@inheritDoc} */
    @Override
    public boolean lock(Lock lock, LockOp op, long time, TimeUnit unit, int site)
            throws InterruptedException {
        switch (op) {
            case LOCK -> lock.lock();
            case LOCK_INTERRUPTIBLY -> lock.lockInterruptibly();
            case TRY_LOCK -> {
                return lock.tryLock();
            }
            case TRY_LOCK_TIMED -> {
                return lock.tryLock(time, unit);
            }
        }
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public void unlock(Lock lock, int site) {
        lock.unlock();
    }

    /** {@inheritDoc} */
    @Override
    public Condition newCondition(Lock lock, int site) {
        return lock.newCondition();
    }

    /** {@inheritDoc} */
    @Override
    public long await(
            Condition condition, AwaitOp op, long time, TimeUnit unit, Date deadline, int site)
            throws InterruptedException {
        return switch (op) {
            case AWAIT -> {
                condition.await();
                yield 0L;
            }
            case AWAIT_UNINTERRUPTIBLY -> {
                condition.awaitUninterruptibly();
                yield 0L;
            }
            case AWAIT_NANOS -> condition.awaitNanos(time);
            case AWAIT_TIMED -> condition.await(time, unit) ? 1L : 0L;
            case AWAIT_UNTIL -> condition.awaitUntil(deadline) ? 1L : 0L;
        };
    }

    /** {@inheritDoc} */
    @Override
    public void signal(Condition condition, boolean all, int site) {
        if (all) {
            condition.signalAll();
        } else {
            condition.signal();
        }
    }

    /** {@inheritDoc} */
    @Override
    public boolean acquire(
            Semaphore semaphore, AcquireOp op, int permits, long time, TimeUnit unit, int site)
            throws InterruptedException {
        switch (op) {
            case ACQUIRE -> semaphore.acquire(permits);
            case ACQUIRE_UNINTERRUPTIBLY -> semaphore.acquireUninterruptibly(permits);
            case TRY_ACQUIRE -> {
                return semaphore.tryAcquire(permits);
            }
            case TRY_ACQUIRE_TIMED -> {
                return semaphore.tryAcquire(permits, time, unit);
            }
        }
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public void release(Semaphore semaphore, int permits, int site) {
        semaphore.release(permits);
    }

    /** {@inheritDoc} */
    @Override
    public boolean awaitLatch(CountDownLatch latch, long time, TimeUnit unit, int site)
            throws InterruptedException {
        if (unit == null) {
            latch.await();
            return true;
        }
        return latch.await(time, unit);
    }

    /** {@inheritDoc} */
    @Override
    public void countDown(CountDownLatch latch, int site) {
        latch.countDown();
    }

    /** {@inheritDoc} */
    @Override
    public void threadStart(Thread thread, int site) {
        thread.start();
    }

    /** {@inheritDoc} */
    @Override
    public void threadJoin(Thread thread, long millis, int nanos, int site)
            throws InterruptedException {
        thread.join(millis, nanos);
    }

    /** {@inheritDoc} */
    @Override
    public void threadSleep(long millis, int nanos, int site) throws InterruptedException {
        Thread.sleep(millis, nanos);
    }

    /** {@inheritDoc} */
    @Override
    public void threadYield(boolean spinWait, int site) {
        if (spinWait) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** {@inheritDoc} */
    @Override
    public void threadInterrupt(Thread thread, int site) {
        thread.interrupt();
    }

    /** {@inheritDoc} Returns {@code base}, or the executors' default factory for none. */
    @Override
    public ThreadFactory threadFactory(ThreadFactory base, int site) {
        return base != null ? base : Executors.defaultThreadFactory();
    }
}
