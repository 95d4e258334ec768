package example.jdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

/**
 * A {@code RecursiveTask} on a {@code ForkJoinPool} splits a count of four items in halves: the
 * left half is forked to another worker, the right half computed in place, and each leaf adds its
 * items to a shared counter with a read then a write of a volatile field, so an addition is lost.
 * The fix adds up the halves' results, which {@code join} hands over.
 */
public final class ForkJoinLostUpdate {

    static volatile int counted;

    /** Counts the items in {@code [from, to)}. */
    static final class Count extends RecursiveTask<Integer> {
        private final int from;
        private final int to;
        private final boolean shared;

        Count(int from, int to, boolean shared) {
            this.from = from;
            this.to = to;
            this.shared = shared;
        }

        @Override
        protected Integer compute() {
            if (to - from <= 2) {
                if (shared) {
                    counted = counted + (to - from); // site: leaf
                }
                return to - from;
            }
            int mid = (from + to) / 2;
            Count left = new Count(from, mid, shared);
            Count right = new Count(mid, to, shared);
            left.fork();
            int r = right.compute();
            return left.join() + r;
        }
    }

    static void run(boolean shared) {
        counted = 0;
        ForkJoinPool pool = new ForkJoinPool(2);
        int total = pool.invoke(new Count(0, 4, shared));
        pool.shutdown();
        int seen = shared ? counted : total;
        if (seen != 4) {
            throw new AssertionError("counted " + seen + " items, expected 4");
        }
    }

    private ForkJoinLostUpdate() {}

    public static void main(String[] args) {
        run(true);
    }

    /** The shared count on a work-stealing pool from {@code Executors}, which is a ForkJoinPool. */
    public static final class WorkStealing {
        private WorkStealing() {}

        public static void main(String[] args) throws Exception {
            counted = 0;
            ExecutorService pool = Executors.newWorkStealingPool(2);
            Future<Integer> total = pool.submit(() -> new Count(0, 4, true).invoke());
            if (total.get() != 4 || counted != 4) {
                throw new AssertionError("counted " + counted + " items, expected 4");
            }
        }
    }

    /**
     * The fixed count submitted, then the pool shut down before the task forks its halves: the pool
     * still takes the forks of the tasks it runs, and terminates once they are done.
     */
    public static final class SubmitThenShutdown {
        private SubmitThenShutdown() {}

        public static void main(String[] args) throws Exception {
            ForkJoinPool pool = new ForkJoinPool(2);
            ForkJoinTask<Integer> task = pool.submit(new Count(0, 4, false));
            pool.shutdown();
            if (task.get() != 4 || !pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new AssertionError("the count did not complete");
            }
        }
    }

    /** The fix: the halves' results, not a shared counter. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(false);
        }
    }
}
