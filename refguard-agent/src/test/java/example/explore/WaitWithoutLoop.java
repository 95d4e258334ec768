package example.explore;

import java.util.ArrayDeque;

/**
 * Two consumers take from a queue, each waiting with {@code if} instead of {@code while}: after one
 * item and a {@code notifyAll}, both wake, the first takes the item and the second finds the queue
 * empty. The fix re-checks the condition in a loop after every wake-up.
 */
public final class WaitWithoutLoop {

    static final class Queue {
        private final ArrayDeque<String> items = new ArrayDeque<>();
        private final boolean loop;

        Queue(boolean loop) {
            this.loop = loop;
        }

        synchronized void put(String item) {
            items.addLast(item);
            notifyAll(); // site: notifyAll
        }

        synchronized String take() throws InterruptedException {
            if (loop) {
                while (items.isEmpty()) {
                    wait();
                }
            } else if (items.isEmpty()) {
                wait(); // site: wait
            }
            return items.removeFirst(); // site: remove
        }
    }

    static void run(boolean loop) throws InterruptedException {
        Queue queue = new Queue(loop);
        Runnable consume =
                () -> {
                    try {
                        queue.take();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                };
        Thread c1 = new Thread(consume, "C1");
        Thread c2 = new Thread(consume, "C2");
        c1.start();
        c2.start();
        queue.put("a");
        queue.put("b");
        c1.join();
        c2.join();
    }

    private WaitWithoutLoop() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: wait in a loop. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
