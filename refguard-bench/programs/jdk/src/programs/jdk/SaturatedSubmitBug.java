package programs.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An indexer hands documents to a small pool; when the pool is saturated, its rejection handler
 * offers the task to the pool's queue and forgets it when the queue is still full.
 */
public class SaturatedSubmitBug {
    public static void main(String[] args) throws Exception {
        AtomicInteger indexed = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1),
                (task, executor) -> executor.getQueue().offer(task)); // BUG: a full queue drops it
        for (int doc = 0; doc < 4; doc++) {
            pool.execute(indexed::incrementAndGet);
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new AssertionError("indexer hung");
        if (indexed.get() != 4) throw new AssertionError("indexed " + indexed.get() + " of 4 documents");
    }
}
