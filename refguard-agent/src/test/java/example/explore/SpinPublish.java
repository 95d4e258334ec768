package example.explore;

/**
 * A consumer that spins with {@code Thread.onSpinWait()} on a volatile flag, and a producer that
 * raises the flag before it writes the data: the consumer can see the flag and read no data. The
 * fix writes the data first. Explored, the spin must not count as "no progress": the consumer is
 * not scheduled again until the producer writes the flag.
 */
public final class SpinPublish {

    static final class Mailbox {
        volatile int data;
        volatile boolean ready;
    }

    static void run(boolean dataFirst) throws InterruptedException {
        Mailbox box = new Mailbox();
        Thread producer =
                new Thread(
                        () -> {
                            if (dataFirst) {
                                box.data = 42;
                                box.ready = true;
                            } else {
                                box.ready = true; // site: publish
                                box.data = 42;
                            }
                        },
                        "producer");
        Thread consumer =
                new Thread(
                        () -> {
                            while (!box.ready) { // site: spin
                                Thread.onSpinWait();
                            }
                            int d = box.data; // site: read
                            assert d == 42 : "flag seen, data " + d;
                        },
                        "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
    }

    private SpinPublish() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: the data before the flag. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
