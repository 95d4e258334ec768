package example.jdk;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task on its own pool forks two leaves without joining them and waits for them with {@code
 * helpQuiesce()}; it also asks which pool it runs in. Correct: every schedule sees both leaves done
 * and its own pool.
 */
public final class QuiesceCount {

    /** Forks a leaf per element, then waits until the pool is quiet. */
    static final class Root extends RecursiveAction {
        private final ForkJoinPool expected;
        private final AtomicInteger leaves;

        Root(ForkJoinPool expected, AtomicInteger leaves) {
            this.expected = expected;
            this.leaves = leaves;
        }

        @Override
        protected void compute() {
            if (!inForkJoinPool() || getPool() != expected) {
                throw new AssertionError("not run by a worker of its pool");
            }
            ForkJoinTask.adapt(leaves::incrementAndGet).fork();
            ForkJoinTask.adapt(leaves::incrementAndGet).fork();
            helpQuiesce();
            if (leaves.get() != 2) {
                throw new AssertionError("quiet with " + leaves.get() + " leaves done");
            }
        }
    }

    private QuiesceCount() {}

    public static void main(String[] args) {
        if (ForkJoinTask.inForkJoinPool()) {
            throw new AssertionError("main is no worker");
        }
        ForkJoinPool pool = new ForkJoinPool(2);
        pool.invoke(new Root(pool, new AtomicInteger()));
        pool.shutdown();
    }
}
