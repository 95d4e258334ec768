package example.jdk;

import java.util.concurrent.locks.ReentrantLock;

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
}
