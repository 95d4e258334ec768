package example.jdk;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A correct {@code CountedCompleter}: the root forks one half, computes the other, and completes
 * when both leaves' {@code tryComplete} reached it. {@link InvokeAll} hands two such trees to
 * {@code invokeAll}, which returns when both roots are complete: every leaf has counted by then.
 * {@link InvokeAllRacy} counts with a separate read and write, so two leaves can lose a count.
 */
public final class CompleterCount {

    /** Counts one leaf per element of {@code [from, to)}. */
    static final class Count extends CountedCompleter<Void> {
        private final int from;
        private final int to;
        private final AtomicInteger leaves;
        private final boolean atomic;

        Count(CountedCompleter<?> parent, int from, int to, AtomicInteger leaves) {
            this(parent, from, to, leaves, true);
        }

        Count(CountedCompleter<?> parent, int from, int to, AtomicInteger leaves, boolean atomic) {
            super(parent);
            this.from = from;
            this.to = to;
            this.leaves = leaves;
            this.atomic = atomic;
        }

        @Override
        public void compute() {
            if (to - from > 1) {
                int mid = (from + to) / 2;
                addToPendingCount(1);
                new Count(this, from, mid, leaves, atomic).fork();
                new Count(this, mid, to, leaves, atomic).compute();
                return;
            }
            if (atomic) {
                leaves.incrementAndGet();
            } else {
                leaves.set(leaves.get() + 1);
            }
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
            countBoth(true);
        }
    }

    /** The bug: the leaves of both trees count with a separate read and write. */
    public static final class InvokeAllRacy {
        private InvokeAllRacy() {}

        public static void main(String[] args) {
            countBoth(false);
        }
    }

    /** Two trees of two leaves each, handed to {@code invokeAll}: four leaves once it returns. */
    static void countBoth(boolean atomic) {
        AtomicInteger leaves = new AtomicInteger();
        java.util.concurrent.ForkJoinTask.invokeAll(
                new Count(null, 0, 2, leaves, atomic), new Count(null, 2, 4, leaves, atomic));
        if (leaves.get() != 4) {
            throw new AssertionError("counted " + leaves.get() + " leaves, expected 4");
        }
    }
}
