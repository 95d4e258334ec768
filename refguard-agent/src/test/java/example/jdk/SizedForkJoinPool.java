package example.jdk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

/**
 * Pools of a parallelism the program chose. {@link Serial}: two tasks on a {@code ForkJoinPool(1)}
 * add to a tally (read, then written), which its one worker runs one after the other: correct. The
 * same on a pool of parallelism 2 ({@link #main}) loses an addition. {@link ForkJoin}: a {@code
 * RecursiveTask} on a pool of parallelism 1 forks and joins, which the JDK's pool gets through by
 * running the forked task while the joining one waits. {@link Handoff}: a task of a pool of
 * parallelism 1 waits on a latch that a later task counts down; the JDK's pool adds no worker for a
 * latch and hangs, which the model, adding one for any blocked task, does not find.
 */
public final class SizedForkJoinPool {

    static volatile int tally;

    private SizedForkJoinPool() {}

    static void run(int parallelism) throws InterruptedException {
        tally = 0;
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        pool.execute(() -> tally += 1);
        pool.execute(() -> tally += 2);
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the pool did not stop");
        }
        if (tally != 3) {
            throw new AssertionError("tally " + tally + ", expected 3");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        run(2);
    }

    /** Two tasks on a pool of parallelism 1. */
    public static final class Serial {
        private Serial() {}

        public static void main(String[] args) throws InterruptedException {
            run(1);
        }
    }

    /** Fork and join on a pool of parallelism 1. */
    public static final class ForkJoin {
        private ForkJoin() {}

        static final class Sum extends RecursiveTask<Integer> {
            private final int from;
            private final int to;

            Sum(int from, int to) {
                this.from = from;
                this.to = to;
            }

            @Override
            protected Integer compute() {
                if (to - from <= 1) {
                    return from;
                }
                int mid = (from + to) / 2;
                Sum left = new Sum(from, mid);
                left.fork();
                int right = new Sum(mid, to).compute();
                return left.join() + right;
            }
        }

        public static void main(String[] args) {
            ForkJoinPool pool = new ForkJoinPool(1);
            int sum = pool.invoke(new Sum(1, 3));
            pool.shutdown();
            if (sum != 3) {
                throw new AssertionError("sum " + sum + ", expected 3");
            }
        }
    }

    /** A task that waits for a later one on a pool of parallelism 1. */
    public static final class Handoff {
        private Handoff() {}

        public static void main(String[] args) throws InterruptedException {
            ForkJoinPool pool = new ForkJoinPool(1);
            CountDownLatch ready = new CountDownLatch(1);
            pool.execute(
                    () -> {
                        try {
                            ready.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            pool.execute(ready::countDown);
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the pool did not stop");
            }
        }
    }
}
