package example.jdk;

import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * A search fans out over three index shards on the common pool and gathers the hits with a
 * completion service. Gathering with {@code poll()} skips a shard that is not done yet; the fix
 * waits with {@code take()}.
 */
public final class ShardFanOut {

    static void run(boolean take) throws Exception {
        ExecutorCompletionService<Integer> hits =
                new ExecutorCompletionService<>(ForkJoinPool.commonPool());
        for (int shard = 0; shard < 3; shard++) {
            int s = shard;
            hits.submit(() -> s + 1);
        }
        int total = 0;
        for (int i = 0; i < 3; i++) {
            Future<Integer> f = take ? hits.take() : hits.poll();
            if (f != null) {
                total += f.get();
            }
        }
        if (total != 6) {
            throw new AssertionError("found " + total + " of 6 hits");
        }
    }

    private ShardFanOut() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** The fix: wait for every shard. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
