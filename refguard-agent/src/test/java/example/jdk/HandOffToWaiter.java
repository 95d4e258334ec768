package example.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A producer that makes an item only for a consumer already waiting, as a pool creates a
 * replacement object only when a borrower waits: it polls {@code lock.hasWaiters(notEmpty)} under
 * the lock until the consumer waits, then adds one item and signals. The consumer waits with a
 * timeout. Correct: whenever the consumer does not hold the lock it is in the condition's queue.
 * The JDK's own queue of the condition stays empty under exploration (waiters wait in the model),
 * so answering from it made the producer spin until the consumer timed out.
 */
public final class HandOffToWaiter {

    private HandOffToWaiter() {}

    public static void main(String[] args) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition notEmpty = lock.newCondition();
        int[] items = {0};
        boolean[] got = {false};
        Thread consumer =
                new Thread(
                        () -> {
                            lock.lock();
                            try {
                                while (items[0] == 0) {
                                    if (!notEmpty.await(200, TimeUnit.MILLISECONDS)) {
                                        return;
                                    }
                                }
                                items[0]--;
                                got[0] = true;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                lock.unlock();
                            }
                        });
        consumer.start();
        boolean made = false;
        while (!made) {
            lock.lock();
            try {
                if (lock.hasWaiters(notEmpty) && lock.getWaitQueueLength(notEmpty) == 1) {
                    items[0]++;
                    notEmpty.signal();
                    made = true;
                }
            } finally {
                lock.unlock();
            }
            if (!made) {
                Thread.sleep(1);
            }
        }
        consumer.join();
        if (!got[0]) {
            throw new AssertionError("the consumer timed out although an item was made for it");
        }
    }
}
