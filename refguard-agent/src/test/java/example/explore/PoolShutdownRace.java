package example.explore;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A task submits a follow-up task to its own pool, while the main thread shuts the pool down right
 * after submitting the first: if the shutdown comes first, the follow-up is rejected. The fix shuts
 * down only after the first task (and so its submission) completed.
 */
public final class PoolShutdownRace {

    static void run(boolean waitFirst) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> first =
                pool.submit(
                        () -> {
                            pool.execute(() -> Math.abs(1)); // site: followUp
                        });
        if (waitFirst) {
            first.get();
        }
        pool.shutdown(); // site: shutdown
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the pool did not terminate");
        }
        first.get(); // site: get
    }

    private PoolShutdownRace() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** The fix: wait for the first task before shutting down. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
