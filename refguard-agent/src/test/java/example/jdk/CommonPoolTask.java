package example.jdk;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work handed to the common ForkJoinPool, whose threads the explorer does not schedule. Looking the
 * pool up fails with refguard's limit; the program that does not catch it must be inconclusive,
 * never a bug. {@link Fallback} catches it and runs the work itself, as Caffeine does.
 */
public final class CommonPoolTask {

    private CommonPoolTask() {}

    public static void main(String[] args) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool.commonPool().submit(done::incrementAndGet).get();
        if (done.get() != 1) {
            throw new AssertionError(done.get());
        }
    }

    /** Falls back to running the work on the calling thread when the pool is not available. */
    public static final class Fallback {
        private Fallback() {}

        public static void main(String[] args) {
            AtomicInteger done = new AtomicInteger();
            try {
                ForkJoinPool.commonPool().execute(done::incrementAndGet);
            } catch (UnsupportedOperationException e) {
                done.incrementAndGet();
            }
            if (done.get() != 1) {
                throw new AssertionError(done.get());
            }
        }
    }
}
