package example.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Two consumers drain a bounded queue until they take a poison pill, but the producer puts only one
 * pill: the other consumer waits in {@code take()} forever. The fix puts one pill per consumer.
 * Bounded at one element, so {@code put} blocks too.
 */
public final class QueuePoisonPill {

    static final Integer PILL = -1;

    static void run(int pills) throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
        Runnable consumer =
                () -> {
                    try {
                        while (queue.take() != PILL) { // site: take
                            // consume
                        }
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                };
        Thread c1 = new Thread(consumer, "consumer1");
        Thread c2 = new Thread(consumer, "consumer2");
        c1.start();
        c2.start();
        queue.put(1); // site: put
        for (int i = 0; i < pills; i++) {
            queue.put(PILL);
        }
        c1.join();
        c2.join();
    }

    private QueuePoisonPill() {}

    public static void main(String[] args) throws InterruptedException {
        run(1);
    }

    /** The fix: one pill per consumer. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(2);
        }
    }
}
