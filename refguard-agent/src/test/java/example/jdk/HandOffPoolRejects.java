package example.jdk;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An index reader hands three segment loads to a pool of at most two threads built on a {@code
 * SynchronousQueue}: a load is taken only by a thread that waits for one, so the third is rejected
 * ({@code RejectedExecutionException}, the default policy) unless a thread happens to be done with
 * its load already. The fix lets the reader load what the pool cannot take.
 */
public final class HandOffPoolRejects {

    static void loadAll(ThreadPoolExecutor pool) throws InterruptedException {
        AtomicInteger loaded = new AtomicInteger();
        for (int segment = 0; segment < 3; segment++) {
            pool.execute(loaded::incrementAndGet);
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES) || loaded.get() != 3) {
            throw new AssertionError("loaded " + loaded.get() + " of 3 segments");
        }
    }

    private HandOffPoolRejects() {}

    public static void main(String[] args) throws InterruptedException {
        loadAll(new ThreadPoolExecutor(0, 2, 60, TimeUnit.SECONDS, new SynchronousQueue<>()));
    }

    /** The fix: the reader loads a segment itself when no thread waits for it. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            loadAll(
                    new ThreadPoolExecutor(
                            0,
                            2,
                            60,
                            TimeUnit.SECONDS,
                            new SynchronousQueue<>(),
                            new ThreadPoolExecutor.CallerRunsPolicy()));
        }
    }
}
