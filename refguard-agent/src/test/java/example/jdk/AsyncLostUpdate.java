package example.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two {@code CompletableFuture.runAsync} tasks (on the common pool) and a {@code FutureTask} on a
 * thread of its own each add one to a counter with a read then a write of a volatile field: an
 * increment is lost. The fix increments an {@code AtomicInteger}. {@code join} and {@code get} wait
 * for the tasks.
 */
public final class AsyncLostUpdate {

    static volatile int hits;

    static void run(boolean atomic) throws Exception {
        hits = 0;
        AtomicInteger atomicHits = new AtomicInteger();
        Runnable hit =
                () -> {
                    if (atomic) {
                        atomicHits.incrementAndGet();
                    } else {
                        hits = hits + 1; // site: hit
                    }
                };
        CompletableFuture<Void> a = CompletableFuture.runAsync(hit);
        CompletableFuture<Void> b = CompletableFuture.runAsync(hit);
        FutureTask<Integer> c =
                new FutureTask<>(
                        () -> {
                            hit.run();
                            return 1;
                        });
        new Thread(c, "task").start();
        CompletableFuture.allOf(a, b).join();
        int fromTask = c.get();
        int total = atomic ? atomicHits.get() : hits;
        if (total != 2 + fromTask) {
            throw new AssertionError("counted " + total + " hits, expected 3");
        }
    }

    private AsyncLostUpdate() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** The fix: an atomic counter. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
