package example.jdk;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code CountedCompleter} sums an array: each task forks its right half and handles its left
 * half, and a leaf adds its element to a shared total. The buggy leaf adds with a separate read and
 * write, so two leaves can lose one addition; the fix adds atomically. The root's {@code invoke}
 * returns once every leaf's {@code tryComplete} has reached it.
 */
public final class CompleterSum {

    static final class Sum extends CountedCompleter<Void> {
        final long[] values;
        final int from;
        final int to;
        final AtomicLong total;
        final boolean atomic;

        Sum(Sum parent, long[] values, int from, int to, AtomicLong total, boolean atomic) {
            super(parent);
            this.values = values;
            this.from = from;
            this.to = to;
            this.total = total;
            this.atomic = atomic;
        }

        @Override
        public void compute() {
            int lo = from;
            int hi = to;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                addToPendingCount(1);
                new Sum(this, values, mid, hi, total, atomic).fork();
                hi = mid;
            }
            if (atomic) {
                total.addAndGet(values[lo]);
            } else {
                total.set(total.get() + values[lo]);
            }
            tryComplete();
        }
    }

    static void run(boolean atomic) {
        long[] values = {1, 2, 3};
        AtomicLong total = new AtomicLong();
        new Sum(null, values, 0, values.length, total, atomic).invoke();
        if (total.get() != 6) {
            throw new AssertionError("summed " + total.get() + ", expected 6");
        }
    }

    private CompleterSum() {}

    public static void main(String[] args) {
        run(false);
    }

    /** The fix: each leaf adds atomically. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(true);
        }
    }
}
