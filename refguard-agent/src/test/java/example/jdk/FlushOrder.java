package example.jdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two segment flushes go to a pool of two threads in order; the caller waits for the second and
 * assumes the first is done, since it was submitted first. A worker may stall between taking the
 * first flush and running it, so the second can finish first. The fix waits for both.
 */
public final class FlushOrder {

    static void run(boolean waitForBoth) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> first = pool.submit(() -> 1 + 1);
        Future<Integer> second = pool.submit(() -> 2 + 2);
        second.get();
        if (waitForBoth) {
            first.get();
        }
        boolean firstDone = first.isDone();
        pool.shutdown();
        if (!firstDone) {
            throw new AssertionError("segment 1 not flushed yet");
        }
    }

    private FlushOrder() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** The fix: wait for every flush. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
