package example.jdk;

import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code RecursiveAction} invoked from {@code main} runs both halves with {@code invokeAll}: one
 * on the calling thread, the other forked to the common pool. Each half adds one to a counter with
 * a read then a write of a volatile field, so an addition is lost. The fix increments an {@code
 * AtomicInteger}.
 */
public final class InvokeAllLostUpdate {

    static volatile int hits;

    /** Hits the counter once per leaf of {@code [from, to)}. */
    static final class Hit extends RecursiveAction {
        private final int from;
        private final int to;
        private final AtomicInteger atomic;

        Hit(int from, int to, AtomicInteger atomic) {
            this.from = from;
            this.to = to;
            this.atomic = atomic;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                if (atomic != null) {
                    atomic.incrementAndGet();
                } else {
                    hits = hits + 1; // site: hit
                }
                return;
            }
            int mid = (from + to) / 2;
            invokeAll(new Hit(from, mid, atomic), new Hit(mid, to, atomic));
        }
    }

    static void run(boolean fixed) {
        hits = 0;
        AtomicInteger atomic = fixed ? new AtomicInteger() : null;
        new Hit(0, 2, atomic).invoke();
        int total = fixed ? atomic.get() : hits;
        if (total != 2) {
            throw new AssertionError("counted " + total + " hits, expected 2");
        }
    }

    private InvokeAllLostUpdate() {}

    public static void main(String[] args) {
        run(false);
    }

    /** The fix: an atomic counter. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(true);
        }
    }
}
