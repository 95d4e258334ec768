package example.jdk;

import java.util.concurrent.LinkedTransferQueue;

/**
 * A producer hands a job to a consumer through a {@code LinkedTransferQueue}. The buggy producer
 * uses {@code tryTransfer}, which gives the job away only if the consumer is already waiting, and
 * ignores its answer: when the consumer comes later, the job is lost and the consumer waits
 * forever. The fix uses {@code transfer}, which waits until the consumer took the job.
 */
public final class TransferHandOff {

    static void run(boolean waitForConsumer) throws InterruptedException {
        LinkedTransferQueue<String> jobs = new LinkedTransferQueue<>();
        Thread consumer =
                new Thread(
                        () -> {
                            try {
                                String job = jobs.take(); // site: take
                                if (!job.equals("job")) {
                                    throw new AssertionError(job);
                                }
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "consumer");
        consumer.start();
        if (waitForConsumer) {
            jobs.transfer("job");
            if (!jobs.isEmpty()) {
                throw new AssertionError("transfer returned before the job was taken");
            }
        } else {
            jobs.tryTransfer("job"); // site: tryTransfer
        }
        consumer.join();
    }

    private TransferHandOff() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: {@code transfer}. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
