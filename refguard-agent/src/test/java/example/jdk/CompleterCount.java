package example.jdk;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A correct {@code CountedCompleter}: the root forks one half, computes the other, and completes
 * when both leaves' {@code tryComplete} reached it. {@link InvokeAll} hands two completers to
 * {@code invokeAll}, which the JDK completes from its own code: exploring it must say that it
 * cannot, naming the call.
 */
public final class CompleterCount {

    /** Counts one leaf per element of {@code [from, to)}. */
    static final class Count extends CountedCompleter<Void> {
        private final int from;
        private final int to;
        private final AtomicInteger leaves;

        Count(CountedCompleter<?> parent, int from, int to, AtomicInteger leaves) {
            super(parent);
            this.from = from;
            this.to = to;
            this.leaves = leaves;
        }

        @Override
        public void compute() {
            if (to - from > 1) {
                int mid = (from + to) / 2;
                addToPendingCount(1);
                new Count(this, from, mid, leaves).fork();
                new Count(this, mid, to, leaves).compute();
                return;
            }
            leaves.incrementAndGet();
            tryComplete();
        }
    }

    private CompleterCount() {}

    public static void main(String[] args) {
        AtomicInteger leaves = new AtomicInteger();
        new Count(null, 0, 2, leaves).invoke();
        if (leaves.get() != 2) {
            throw new AssertionError(leaves.get());
        }
    }

    /** Two completers through {@code invokeAll}. */
    public static final class InvokeAll {
        private InvokeAll() {}

        public static void main(String[] args) {
            AtomicInteger leaves = new AtomicInteger();
            java.util.concurrent.ForkJoinTask.invokeAll(
                    new Count(null, 0, 1, leaves), new Count(null, 1, 2, leaves));
        }
    }
}
