package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A producer publishes a batch in a field and releases a permit to say it is there, and only then
 * adds to the batch; the consumer acquires the permit and reads the batch. The permit orders what
 * the producer did before {@code release}, not the {@code add} after it, so the add races the read.
 * The fix fills the batch before releasing.
 */
public final class FilledAfterRelease {

    static List<String> batch;

    static void run(boolean fillFirst) throws InterruptedException {
        Semaphore ready = new Semaphore(0);
        Thread producer =
                new Thread(
                        () -> {
                            List<String> b = new ArrayList<>();
                            batch = b;
                            if (fillFirst) {
                                b.add("entry");
                                ready.release();
                            } else {
                                ready.release();
                                b.add("entry");
                            }
                        },
                        "producer");
        int[] size = new int[1];
        Thread consumer =
                new Thread(
                        () -> {
                            ready.acquireUninterruptibly();
                            size[0] = batch.size();
                        },
                        "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        if (size[0] != 1) {
            throw new AssertionError("the consumer saw " + size[0] + " entries, expected 1");
        }
    }

    private FilledAfterRelease() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: filled before the permit says it is there. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
