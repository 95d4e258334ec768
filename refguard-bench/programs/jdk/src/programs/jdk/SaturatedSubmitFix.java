package programs.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An indexer hands documents to a small pool; when the pool is saturated, its rejection handler
 * puts the task into the pool's queue, so the submitter waits instead of losing the document.
 */
public class SaturatedSubmitFix {
    public static void main(String[] args) throws Exception {
        AtomicInteger indexed = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1),
                (task, executor) -> {
                    try {
                        executor.getQueue().put(task);
                    } catch (InterruptedException e) {
                        throw new RejectedExecutionException(e);
                    }
                });
        for (int doc = 0; doc < 4; doc++) {
            pool.execute(indexed::incrementAndGet);
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new AssertionError("indexer hung");
        if (indexed.get() != 4) throw new AssertionError("indexed " + indexed.get() + " of 4 documents");
    }
}
