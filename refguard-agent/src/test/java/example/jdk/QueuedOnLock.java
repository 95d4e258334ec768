package example.jdk;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A lock holder that lets go only once another thread queues for the lock, as a lock that hands
 * over to waiters does: it asks {@code hasQueuedThreads()} and {@code getQueueLength()}. Under
 * exploration the waiting thread waits in refguard's model of the lock, so the answers must come
 * from there; the JDK's own queue stays empty, and its "nobody" would keep the holder polling for
 * good. The exploration must pass.
 */
public final class QueuedOnLock {

    private QueuedOnLock() {}

    public static void main(String[] args) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        Thread waiter =
                new Thread(
                        () -> {
                            lock.lock();
                            lock.unlock();
                        });
        waiter.start();
        int queued;
        try {
            while (!lock.hasQueuedThreads()) {
                Thread.yield();
            }
            queued = lock.getQueueLength();
        } finally {
            lock.unlock();
        }
        waiter.join();
        if (queued != 1) {
            throw new AssertionError(queued + " threads queued for the lock, expected 1");
        }
    }

    /** The same with a semaphore of no permits: its holder releases once a thread queues. */
    public static final class OnSemaphore {
        private OnSemaphore() {}

        public static void main(String[] args) throws InterruptedException {
            java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(0);
            Thread waiter = new Thread(gate::acquireUninterruptibly);
            waiter.start();
            while (!gate.hasQueuedThreads()) {
                Thread.yield();
            }
            int queued = gate.getQueueLength();
            gate.release();
            waiter.join();
            if (queued != 1) {
                throw new AssertionError(queued + " threads queued for a permit, expected 1");
            }
        }
    }

    /** The same, asking whether one given thread queues: {@code hasQueuedThread(waiter)}. */
    public static final class OnThread {
        private OnThread() {}

        public static void main(String[] args) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            lock.lock();
            Thread waiter =
                    new Thread(
                            () -> {
                                lock.lock();
                                lock.unlock();
                            });
            boolean before = lock.hasQueuedThread(waiter);
            waiter.start();
            try {
                while (!lock.hasQueuedThread(waiter)) {
                    Thread.yield();
                }
            } finally {
                lock.unlock();
            }
            waiter.join();
            if (before || lock.hasQueuedThread(waiter)) {
                throw new AssertionError("a thread not waiting was said to queue for the lock");
            }
        }
    }

    /**
     * A read-write lock's holder that lets go once the other thread queues, both ways round: a
     * reader waits while the write lock is held, then a writer while a read lock is held. Its
     * questions ({@code hasQueuedThread}, {@code hasQueuedThreads}, {@code getQueueLength}) must
     * see the threads waiting in the model.
     */
    public static final class OnReadWriteLock {
        private OnReadWriteLock() {}

        public static void main(String[] args) throws InterruptedException {
            ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
            rw.writeLock().lock();
            Thread reader =
                    new Thread(
                            () -> {
                                rw.readLock().lock();
                                rw.readLock().unlock();
                            });
            reader.start();
            int readersQueued;
            try {
                while (!rw.hasQueuedThread(reader)) {
                    Thread.yield();
                }
                readersQueued = rw.getQueueLength();
            } finally {
                rw.writeLock().unlock();
            }
            reader.join();

            rw.readLock().lock();
            Thread writer =
                    new Thread(
                            () -> {
                                rw.writeLock().lock();
                                rw.writeLock().unlock();
                            });
            writer.start();
            boolean readerStillQueued;
            try {
                while (!rw.hasQueuedThreads()) {
                    Thread.yield();
                }
                readerStillQueued = rw.hasQueuedThread(reader);
                if (!rw.hasQueuedThread(writer)) {
                    throw new AssertionError("the writer queues, yet hasQueuedThread says no");
                }
            } finally {
                rw.readLock().unlock();
            }
            writer.join();
            if (readersQueued != 1 || readerStillQueued || rw.getQueueLength() != 0) {
                throw new AssertionError(
                        readersQueued
                                + " readers queued (expected 1); the finished reader queued: "
                                + readerStillQueued
                                + "; queued at the end: "
                                + rw.getQueueLength());
            }
        }
    }
}
