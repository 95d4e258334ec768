package example.throwing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Operations that throw at once, before they block or change anything: an interruptible call on an
 * interrupted thread, an unlock of a lock the thread does not hold, a {@code notify} outside the
 * monitor. Each program's worker turns the exception into a failure, so the report must show the
 * step where the operation threw.
 */
public final class ThrowingOperations {

    private ThrowingOperations() {}

    static void interruptedWorker(Runnable body) throws InterruptedException {
        Thread worker = new Thread(body, "worker");
        worker.start();
        worker.interrupt();
        worker.join();
    }

    /** {@code lockInterruptibly} on an interrupted thread throws without waiting for the lock. */
    public static final class InterruptedLock {
        public static void main(String[] args) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            interruptedWorker(
                    () -> {
                        try {
                            lock.lockInterruptibly(); // site: lockInterruptibly
                            lock.unlock();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("lock interrupted");
                        }
                    });
        }
    }

    /** {@code take} on an interrupted thread throws, even with an element in the queue. */
    public static final class InterruptedTake {
        public static void main(String[] args) throws InterruptedException {
            BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
            queue.add(1);
            interruptedWorker(
                    () -> {
                        try {
                            queue.take(); // site: take
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("take interrupted");
                        }
                    });
        }
    }

    /** {@code wait} on an interrupted thread throws before it releases the monitor. */
    public static final class InterruptedWait {
        public static void main(String[] args) throws InterruptedException {
            Object monitor = new Object();
            interruptedWorker(
                    () -> {
                        synchronized (monitor) {
                            try {
                                monitor.wait(); // site: wait
                            } catch (InterruptedException e) {
                                throw new IllegalStateException("wait interrupted");
                            }
                        }
                    });
        }
    }

    /** A worker unlocks a lock it never locked. */
    public static final class UnlockNotHeld {
        public static void main(String[] args) throws InterruptedException {
            ReentrantLock lock = new ReentrantLock();
            Thread worker = new Thread(lock::unlock, "worker"); // site: unlock
            worker.start();
            worker.join();
        }
    }

    /** A worker notifies on an object whose monitor it does not hold. */
    public static final class NotifyNotOwner {
        public static void main(String[] args) throws InterruptedException {
            Object monitor = new Object();
            Thread worker = new Thread(monitor::notify, "worker"); // site: notify
            worker.start();
            worker.join();
        }
    }
}
