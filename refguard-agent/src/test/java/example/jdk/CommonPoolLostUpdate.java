package example.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work handed to the common pool two ways, {@code runAsync} given {@code ForkJoinPool.commonPool()}
 * and the pool's own {@code submit}; each adds one to a counter with a read then a write of a
 * volatile field, so an addition is lost. The fix increments an {@code AtomicInteger}.
 */
public final class CommonPoolLostUpdate {

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
        ForkJoinPool common = ForkJoinPool.commonPool();
        CompletableFuture<Void> a = CompletableFuture.runAsync(hit, common);
        ForkJoinTask<?> b = common.submit(hit);
        a.join();
        b.get();
        int total = atomic ? atomicHits.get() : hits;
        if (total != 2) {
            throw new AssertionError("counted " + total + " hits, expected 2");
        }
    }

    private CommonPoolLostUpdate() {}

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
