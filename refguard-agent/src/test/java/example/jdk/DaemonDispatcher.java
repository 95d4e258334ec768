package example.jdk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker hands messages to a daemon dispatcher that serves for the life of the process: when
 * {@code main} returns, the JVM exits without waiting for it, blocked in {@code take} or not. The
 * broker waits until the queue is empty before it checks delivery, but an empty queue only means
 * the dispatcher took the last message, not that it delivered it. The fix waits for the
 * dispatcher's acknowledgements.
 */
public final class DaemonDispatcher {

    static void run(boolean awaitAcks) throws InterruptedException {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        AtomicInteger delivered = new AtomicInteger();
        CountDownLatch acks = new CountDownLatch(2);
        Thread dispatcher =
                new Thread(
                        () -> {
                            try {
                                while (true) {
                                    queue.take();
                                    delivered.incrementAndGet();
                                    acks.countDown();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        queue.put("m1");
        queue.put("m2");
        if (awaitAcks) {
            acks.await();
        } else {
            while (!queue.isEmpty()) {
                Thread.onSpinWait();
            }
        }
        if (delivered.get() != 2) {
            throw new AssertionError("delivered " + delivered.get() + " of 2");
        }
    }

    private DaemonDispatcher() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: wait for the acknowledgements; the daemon is left blocked, as the JVM leaves it. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
