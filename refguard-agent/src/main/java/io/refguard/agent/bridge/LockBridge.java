package io.refguard.agent.bridge;

import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Entry points that replace call sites of {@link Lock}, {@link Condition}, {@link Semaphore},
 * {@link CountDownLatch} and {@link LockSupport} in instrumented code. Each takes the receiver (if
 * any), the original arguments and the site id; when no installed {@link SyncInterceptor} manages
 * the calling thread it makes the original call, otherwise it hands the operation to the
 * interceptor. Public only so injected code can call it.
 */
public final class LockBridge {

    private LockBridge() {}

    /** Replaces {@code lock.lock()}. */
    public static void lock(Lock lock, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            lock.lock();
        } else {
            try {
                i.lock(lock, LockOp.LOCK, 0L, null, site);
            } catch (InterruptedException e) {
                throw new IllegalStateException(
                        "interceptor "
                                + i
                                + " threw InterruptedException from lock(); only"
                                + " interruptible operations may (a bug in the interceptor)",
                        e);
            }
        }
    }

    /** Replaces {@code lock.lockInterruptibly()}. */
    public static void lockInterruptibly(Lock lock, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            lock.lockInterruptibly();
        } else {
            i.lock(lock, LockOp.LOCK_INTERRUPTIBLY, 0L, null, site);
        }
    }

    /** Replaces {@code lock.tryLock()}. */
    public static boolean tryLock(Lock lock, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return lock.tryLock();
        }
        try {
            return i.lock(lock, LockOp.TRY_LOCK, 0L, null, site);
        } catch (InterruptedException e) {
            throw new IllegalStateException(
                    "interceptor "
                            + i
                            + " threw InterruptedException from tryLock(); only"
                            + " interruptible operations may (a bug in the interceptor)",
                    e);
        }
    }

    /** Replaces {@code lock.tryLock(time, unit)}. */
    public static boolean tryLock(Lock lock, long time, TimeUnit unit, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return lock.tryLock(time, unit);
        }
        return i.lock(lock, LockOp.TRY_LOCK_TIMED, time, unit, site);
    }

    /** Replaces {@code lock.unlock()}. */
    public static void unlock(Lock lock, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            lock.unlock();
        } else {
            i.unlock(lock, site);
        }
    }

    /**
     * Replaces {@code super.lock()}, {@code super.lockInterruptibly()} and {@code super.tryLock()}
     * (timed too: {@code time} and {@code unit}; else 0 and null) in the program's subclass of
     * {@code ReentrantLock}: {@code ReentrantLock}'s own method, on the model under exploration.
     */
    public static boolean superLock(
            ReentrantLock lock, LockOp op, long time, TimeUnit unit, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            return i.superLock(lock, op, time, unit, site);
        }
        return SuperLocks.run(lock, op, time, unit);
    }

    /** Replaces {@code super.lock()} in the program's subclass of {@code ReentrantLock}. */
    public static void superLock(ReentrantLock lock, int site) {
        try {
            superLock(lock, LockOp.LOCK, 0L, null, site);
        } catch (InterruptedException e) {
            throw new IllegalStateException("lock() threw InterruptedException", e);
        }
    }

    /** Replaces {@code super.lockInterruptibly()} in the program's subclass. */
    public static void superLockInterruptibly(ReentrantLock lock, int site)
            throws InterruptedException {
        superLock(lock, LockOp.LOCK_INTERRUPTIBLY, 0L, null, site);
    }

    /** Replaces {@code super.tryLock()} in the program's subclass. */
    public static boolean superTryLock(ReentrantLock lock, int site) {
        try {
            return superLock(lock, LockOp.TRY_LOCK, 0L, null, site);
        } catch (InterruptedException e) {
            throw new IllegalStateException("tryLock() threw InterruptedException", e);
        }
    }

    /** Replaces {@code super.tryLock(time, unit)} in the program's subclass. */
    public static boolean superTryLock(ReentrantLock lock, long time, TimeUnit unit, int site)
            throws InterruptedException {
        return superLock(lock, LockOp.TRY_LOCK_TIMED, time, unit, site);
    }

    /** Replaces {@code super.unlock()} in the program's subclass of {@code ReentrantLock}. */
    public static void superUnlock(ReentrantLock lock, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            SuperLocks.unlock(lock);
        } else {
            i.superUnlock(lock, site);
        }
    }

    /** Replaces {@code lock.newCondition()}. */
    public static Condition newCondition(Lock lock, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? lock.newCondition() : i.newCondition(lock, site);
    }

    /** Replaces {@code condition.await()}. */
    public static void await(Condition condition, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            condition.await();
        } else {
            i.await(condition, AwaitOp.AWAIT, 0L, null, null, site);
        }
    }

    /** Replaces {@code condition.awaitUninterruptibly()}. */
    public static void awaitUninterruptibly(Condition condition, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            condition.awaitUninterruptibly();
        } else {
            try {
                i.await(condition, AwaitOp.AWAIT_UNINTERRUPTIBLY, 0L, null, null, site);
            } catch (InterruptedException e) {
                throw new IllegalStateException(
                        "interceptor "
                                + i
                                + " threw InterruptedException from"
                                + " awaitUninterruptibly() (a bug in the interceptor)",
                        e);
            }
        }
    }

    /** Replaces {@code condition.awaitNanos(nanos)}. */
    public static long awaitNanos(Condition condition, long nanos, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return condition.awaitNanos(nanos);
        }
        return i.await(condition, AwaitOp.AWAIT_NANOS, nanos, null, null, site);
    }

    /** Replaces {@code condition.await(time, unit)}. */
    public static boolean await(Condition condition, long time, TimeUnit unit, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return condition.await(time, unit);
        }
        return i.await(condition, AwaitOp.AWAIT_TIMED, time, unit, null, site) != 0L;
    }

    /** Replaces {@code condition.awaitUntil(deadline)}. */
    public static boolean awaitUntil(Condition condition, Date deadline, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return condition.awaitUntil(deadline);
        }
        return i.await(condition, AwaitOp.AWAIT_UNTIL, 0L, null, deadline, site) != 0L;
    }

    /** Replaces {@code condition.signal()}. */
    public static void signal(Condition condition, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            condition.signal();
        } else {
            i.signal(condition, false, site);
        }
    }

    /** Replaces {@code condition.signalAll()}. */
    public static void signalAll(Condition condition, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            condition.signalAll();
        } else {
            i.signal(condition, true, site);
        }
    }

    /** Replaces {@code semaphore.acquire()}. */
    public static void acquire(Semaphore semaphore, int site) throws InterruptedException {
        acquire(semaphore, 1, site);
    }

    /** Replaces {@code semaphore.acquire(permits)}. */
    public static void acquire(Semaphore semaphore, int permits, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            semaphore.acquire(permits);
        } else {
            i.acquire(semaphore, AcquireOp.ACQUIRE, permits, 0L, null, site);
        }
    }

    /** Replaces {@code semaphore.acquireUninterruptibly()}. */
    public static void acquireUninterruptibly(Semaphore semaphore, int site) {
        acquireUninterruptibly(semaphore, 1, site);
    }

    /** Replaces {@code semaphore.acquireUninterruptibly(permits)}. */
    public static void acquireUninterruptibly(Semaphore semaphore, int permits, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            semaphore.acquireUninterruptibly(permits);
        } else {
            try {
                i.acquire(semaphore, AcquireOp.ACQUIRE_UNINTERRUPTIBLY, permits, 0L, null, site);
            } catch (InterruptedException e) {
                throw new IllegalStateException(
                        "interceptor "
                                + i
                                + " threw InterruptedException from"
                                + " acquireUninterruptibly() (a bug in the interceptor)",
                        e);
            }
        }
    }

    /** Replaces {@code semaphore.tryAcquire()}. */
    public static boolean tryAcquire(Semaphore semaphore, int site) {
        return tryAcquire(semaphore, 1, site);
    }

    /** Replaces {@code semaphore.tryAcquire(permits)}. */
    public static boolean tryAcquire(Semaphore semaphore, int permits, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return semaphore.tryAcquire(permits);
        }
        try {
            return i.acquire(semaphore, AcquireOp.TRY_ACQUIRE, permits, 0L, null, site);
        } catch (InterruptedException e) {
            throw new IllegalStateException(
                    "interceptor "
                            + i
                            + " threw InterruptedException from tryAcquire()"
                            + " (a bug in the interceptor)",
                    e);
        }
    }

    /** Replaces {@code semaphore.tryAcquire(time, unit)}. */
    public static boolean tryAcquire(Semaphore semaphore, long time, TimeUnit unit, int site)
            throws InterruptedException {
        return tryAcquire(semaphore, 1, time, unit, site);
    }

    /** Replaces {@code semaphore.tryAcquire(permits, time, unit)}. */
    public static boolean tryAcquire(
            Semaphore semaphore, int permits, long time, TimeUnit unit, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return semaphore.tryAcquire(permits, time, unit);
        }
        return i.acquire(semaphore, AcquireOp.TRY_ACQUIRE_TIMED, permits, time, unit, site);
    }

    /** Replaces {@code semaphore.release()}. */
    public static void release(Semaphore semaphore, int site) {
        release(semaphore, 1, site);
    }

    /** Replaces {@code semaphore.release(permits)}. */
    public static void release(Semaphore semaphore, int permits, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            semaphore.release(permits);
        } else {
            i.release(semaphore, permits, site);
        }
    }

    /** Replaces {@code latch.await()}. */
    public static void await(CountDownLatch latch, int site) throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            latch.await();
        } else {
            i.awaitLatch(latch, 0L, null, site);
        }
    }

    /** Replaces {@code latch.await(time, unit)}. */
    public static boolean await(CountDownLatch latch, long time, TimeUnit unit, int site)
            throws InterruptedException {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return latch.await(time, unit);
        }
        return i.awaitLatch(latch, time, java.util.Objects.requireNonNull(unit), site);
    }

    /** Replaces {@code latch.countDown()}. */
    public static void countDown(CountDownLatch latch, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            latch.countDown();
        } else {
            i.countDown(latch, site);
        }
    }

    /** Replaces {@code LockSupport.park()}. */
    public static void park(int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.park();
        } else {
            i.park(null, ParkOp.PARK, 0L, site);
        }
    }

    /** Replaces {@code LockSupport.park(blocker)}. */
    public static void park(Object blocker, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.park(blocker);
        } else {
            i.park(blocker, ParkOp.PARK, 0L, site);
        }
    }

    /** Replaces {@code LockSupport.parkNanos(nanos)}. */
    public static void parkNanos(long nanos, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.parkNanos(nanos);
        } else {
            i.park(null, ParkOp.PARK_NANOS, nanos, site);
        }
    }

    /** Replaces {@code LockSupport.parkNanos(blocker, nanos)}. */
    public static void parkNanos(Object blocker, long nanos, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.parkNanos(blocker, nanos);
        } else {
            i.park(blocker, ParkOp.PARK_NANOS, nanos, site);
        }
    }

    /** Replaces {@code LockSupport.parkUntil(deadline)}. */
    public static void parkUntil(long deadline, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.parkUntil(deadline);
        } else {
            i.park(null, ParkOp.PARK_UNTIL, deadline, site);
        }
    }

    /** Replaces {@code LockSupport.parkUntil(blocker, deadline)}. */
    public static void parkUntil(Object blocker, long deadline, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.parkUntil(blocker, deadline);
        } else {
            i.park(blocker, ParkOp.PARK_UNTIL, deadline, site);
        }
    }

    /** Replaces {@code LockSupport.unpark(thread)}. */
    public static void unpark(Thread thread, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            LockSupport.unpark(thread);
        } else {
            i.unpark(thread, site);
        }
    }
}
