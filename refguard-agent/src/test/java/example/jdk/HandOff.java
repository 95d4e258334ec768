package example.jdk;

import java.util.concurrent.Exchanger;
import java.util.concurrent.SynchronousQueue;

/**
 * Hand-offs with no buffer: a {@code SynchronousQueue} passes a job to a worker, which answers
 * through an {@code Exchanger}. The buggy worker answers twice, so its second {@code exchange}
 * finds no partner: a deadlock. The fix answers once.
 */
public final class HandOff {

    static void run(int answers) throws InterruptedException {
        SynchronousQueue<String> jobs = new SynchronousQueue<>();
        Exchanger<String> answer = new Exchanger<>();
        Thread worker =
                new Thread(
                        () -> {
                            try {
                                String job = jobs.take();
                                for (int i = 0; i < answers; i++) {
                                    answer.exchange(job + " done"); // site: exchange
                                }
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "worker");
        worker.start();
        jobs.put("job");
        String got = answer.exchange("thanks");
        if (!got.equals("job done")) {
            throw new AssertionError(got);
        }
        worker.join();
    }

    private HandOff() {}

    public static void main(String[] args) throws InterruptedException {
        run(2);
    }

    /** The fix: one answer. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(1);
        }
    }
}
