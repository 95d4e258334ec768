package example.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A flusher writes dirty pages on a pool built directly with one thread and a queue of one: the
 * third page finds the queue full and the thread busy, and the pool's {@code DiscardPolicy} drops
 * its flush without a word. The fix runs a flush the pool cannot take on the submitting thread
 * ({@code CallerRunsPolicy}).
 */
public final class BoundedFlushPool {

    static void flushAll(RejectedExecutionHandler policy) throws InterruptedException {
        AtomicInteger flushed = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        1, 1, 0L, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1), policy);
        for (int page = 0; page < 3; page++) {
            pool.execute(flushed::incrementAndGet);
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the flusher did not end");
        }
        if (flushed.get() != 3) {
            throw new AssertionError("dirty pages lost: flushed " + flushed.get() + " of 3");
        }
    }

    private BoundedFlushPool() {}

    public static void main(String[] args) throws InterruptedException {
        flushAll(new ThreadPoolExecutor.DiscardPolicy());
    }

    /** The fix: the submitter flushes what the pool cannot take. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            flushAll(new ThreadPoolExecutor.CallerRunsPolicy());
        }
    }
}
