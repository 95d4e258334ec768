package example.corpus;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** ReentrantLock with a Condition, a read-write lock, a semaphore and a latch. */
public class Locks implements Callable<Object> {
    final ReentrantLock lock = new ReentrantLock();
    final Condition ready = lock.newCondition(); // site: new-condition
    final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    final Semaphore permits = new Semaphore(2);
    final CountDownLatch latch = new CountDownLatch(1);
    boolean flag;
    int value;

    /** Every operation once on the calling thread, none of them blocking. */
    public Object single() throws InterruptedException {
        lock.lock(); // site: lock
        try {
            ready.signal(); // site: signal
            value++;
        } finally {
            lock.unlock(); // site: unlock
        }
        boolean got = lock.tryLock(); // site: try-lock
        lock.unlock(); // site: unlock-2
        rw.readLock().lock(); // site: read-lock
        rw.readLock().unlock(); // site: read-unlock
        permits.acquire(); // site: acquire
        boolean more = permits.tryAcquire(1, 10, TimeUnit.MILLISECONDS); // site: try-acquire
        permits.release(2); // site: release
        latch.countDown(); // site: count-down
        latch.await(); // site: latch-await
        return got + ":" + more + ":" + value;
    }

    @Override
    public Object call() throws InterruptedException {
        Thread waiter =
                new Thread(
                        () -> {
                            lock.lock();
                            try {
                                while (!flag) {
                                    ready.awaitUninterruptibly();
                                }
                                value += 10;
                            } finally {
                                lock.unlock();
                            }
                            latch.countDown();
                        });
        waiter.start();
        lock.lockInterruptibly();
        try {
            flag = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        boolean done = latch.await(10, TimeUnit.SECONDS);
        waiter.join();
        rw.writeLock().lock();
        value++;
        rw.writeLock().unlock();
        boolean timed = lock.tryLock(1, TimeUnit.SECONDS);
        long left = 0;
        try {
            left = ready.awaitNanos(1_000L) > 0 ? 1 : 0;
        } finally {
            lock.unlock();
        }
        permits.acquireUninterruptibly(2);
        boolean none = permits.tryAcquire();
        permits.release(2);
        return done
                + ":"
                + value
                + ":"
                + timed
                + ":"
                + left
                + ":"
                + none
                + ":"
                + permits.availablePermits();
    }
}
