package example.jdk;

import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two tasks submitted through an {@code ExecutorCompletionService} to a pool of two each add one to
 * a counter with a read then a write of a volatile field; {@code main} collects them with {@code
 * take} and a timed {@code poll}, so an increment is lost. The fix increments an {@code
 * AtomicInteger}.
 */
public final class CompletionLostUpdate {

    static volatile int hits;

    static void run(boolean atomic) throws Exception {
        hits = 0;
        AtomicInteger atomicHits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        for (int i = 0; i < 2; i++) {
            done.submit(
                    () -> {
                        if (atomic) {
                            return atomicHits.incrementAndGet();
                        }
                        hits = hits + 1; // site: hit
                        return hits;
                    });
        }
        done.take().get();
        if (done.poll(1, TimeUnit.MINUTES) == null) {
            throw new AssertionError("the second task did not complete in a minute");
        }
        pool.shutdown();
        int total = atomic ? atomicHits.get() : hits;
        if (total != 2) {
            throw new AssertionError("counted " + total + " hits, expected 2");
        }
    }

    private CompletionLostUpdate() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** A completion service over the common pool: its tasks run on the pool's model. */
    public static final class OverForkJoin {
        private OverForkJoin() {}

        public static void main(String[] args) throws Exception {
            ExecutorCompletionService<Integer> done =
                    new ExecutorCompletionService<>(ForkJoinPool.commonPool());
            done.submit(() -> 1);
            done.take().get();
        }
    }

    /**
     * A completion service over an executor of the program's own that runs each task inside the
     * JDK's {@code submit}, where no thread may switch: not explored, and said so.
     */
    public static final class OverOwnExecutor {
        private OverOwnExecutor() {}

        public static void main(String[] args) throws Exception {
            ExecutorCompletionService<Integer> done =
                    new ExecutorCompletionService<>(Runnable::run);
            done.submit(() -> 1);
            done.take().get();
        }
    }

    /** The fix: an atomic counter. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
