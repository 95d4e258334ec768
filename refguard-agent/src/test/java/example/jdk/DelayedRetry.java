package example.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A retry is handed to {@code CompletableFuture.delayedExecutor} to run 100 ms later, and the
 * caller sleeps 100 ms before it counts the attempts: the retry and the caller's wake-up are due at
 * the same moment, and where the caller goes first it counts none. The fix waits for the retry's
 * own future.
 */
public final class DelayedRetry {

    static void run(boolean joinRetry) throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> retry =
                CompletableFuture.runAsync(
                        attempts::incrementAndGet,
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        if (joinRetry) {
            retry.join();
        } else {
            Thread.sleep(100);
        }
        if (attempts.get() != 1) {
            throw new AssertionError(attempts.get() + " attempts after the retry was due");
        }
    }

    private DelayedRetry() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: wait for the retry itself. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
