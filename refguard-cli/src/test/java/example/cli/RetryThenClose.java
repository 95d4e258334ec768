package example.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits twice, 20 ms each time, for a loader's header, then closes the segment the loader may still
 * be about to write: a loader slower than both waits appends to a closed segment. Found only when
 * one thread's waits may time out at once twice in a run ({@code --early-timeouts 2}).
 */
public final class RetryThenClose {

    private RetryThenClose() {}

    private static final Object SEGMENT = new Object();
    private static boolean closed;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch loaded = new CountDownLatch(1);
        Thread loader =
                new Thread(
                        () -> {
                            synchronized (SEGMENT) {
                                if (closed) {
                                    throw new IllegalStateException("append to a closed segment");
                                }
                            }
                            loaded.countDown();
                        },
                        "loader");
        loader.start();
        boolean ok = false;
        for (int attempt = 0; attempt < 2 && !ok; attempt++) {
            ok = loaded.await(20, TimeUnit.MILLISECONDS);
        }
        if (!ok) {
            synchronized (SEGMENT) {
                closed = true;
            }
        }
        loader.join();
    }
}
