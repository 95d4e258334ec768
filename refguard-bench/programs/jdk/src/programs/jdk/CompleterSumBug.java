package programs.jdk;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.atomic.AtomicLong;

/** Sum an array with a CountedCompleter that forks its right halves. */
public class CompleterSumBug {
    static class Sum extends CountedCompleter<Void> {
        final int[] a; final int lo, hi; final AtomicLong total;
        Sum(CountedCompleter<?> parent, int[] a, int lo, int hi, AtomicLong total) {
            super(parent); this.a = a; this.lo = lo; this.hi = hi; this.total = total;
        }
        @Override public void compute() {
            int l = lo, h = hi;
            while (h - l > 2) {
                int mid = (l + h) >>> 1;
                new Sum(this, a, mid, h, total).fork();
                addToPendingCount(1);                 // BUG: after fork: the child may complete us first
                h = mid;
            }
            long s = 0;
            for (int i = l; i < h; i++) s += a[i];
            total.addAndGet(s);
            tryComplete();
        }
    }

    public static void main(String[] args) {
        int[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        AtomicLong total = new AtomicLong();
        new Sum(null, a, 0, a.length, total).invoke();
        long seen = total.get();
        if (seen != 36) throw new AssertionError("invoke() returned with sum " + seen + ", expected 36");
    }
}
