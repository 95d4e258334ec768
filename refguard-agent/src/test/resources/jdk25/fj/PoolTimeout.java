package fj;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;

/**
 * A request on the common pool with JDK 25's submitWithTimeout: the work takes as long as its
 * timeout, and without a timeout action the pool cancels the task when the timeout comes first, so
 * {@code join} throws. The fix completes the task with a fallback instead.
 */
public final class PoolTimeout {

    static void run(boolean fallBack) {
        ForkJoinTask<String> request =
                ForkJoinPool.commonPool()
                        .submitWithTimeout(
                                () -> {
                                    Thread.sleep(1000);
                                    return "pong";
                                },
                                1,
                                TimeUnit.SECONDS,
                                fallBack ? task -> task.complete("retry") : null);
        String reply = request.join();
        if (!reply.equals("pong") && !reply.equals("retry")) {
            throw new AssertionError("reply " + reply);
        }
    }

    private PoolTimeout() {}

    public static void main(String[] args) {
        run(false);
    }

    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(true);
        }
    }
}
