package example.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A client gives a server's reply one second with {@code orTimeout} and uses it; the server needs
 * as long (a {@code sleep} on another thread). The bug shows only where the timeout fires first:
 * {@code join} then throws the timeout. The fix falls back to a value with {@code
 * completeOnTimeout}, and checks on the explorer's virtual clock that the whole second passed
 * whenever it did (no real time does).
 */
public final class FutureTimeout {

    static void run(boolean fallBack) throws InterruptedException {
        CompletableFuture<String> reply = new CompletableFuture<>();
        Thread server =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(1000);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            reply.complete("pong");
                        },
                        "server");
        server.start();
        long start = System.nanoTime();
        String answer =
                fallBack
                        ? reply.completeOnTimeout("retry", 1, TimeUnit.SECONDS).join()
                        : reply.orTimeout(1, TimeUnit.SECONDS).join();
        long waited = System.nanoTime() - start;
        if (answer.equals("retry") && waited < TimeUnit.SECONDS.toNanos(1)) {
            throw new AssertionError("fell back after " + waited + " ns");
        }
        server.join();
    }

    private FutureTimeout() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: a timeout is an answer too. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
