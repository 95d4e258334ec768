package example.explore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ticket counter hands out at most one ticket: each buyer checks that tickets are left, then
 * takes one. Each step is atomic, the pair is not: both buyers can pass the check before either
 * takes. The fix makes check and take one compare-and-set.
 */
public final class AtomicCheckThenAct {

    static final int LIMIT = 1;

    static final class Office {
        final AtomicInteger sold = new AtomicInteger();
    }

    static boolean buy(Office office, boolean atomic) {
        if (atomic) {
            int n;
            do {
                n = office.sold.get();
                if (n >= LIMIT) {
                    return false;
                }
            } while (!office.sold.compareAndSet(n, n + 1));
            return true;
        }
        if (office.sold.get() < LIMIT) { // site: check
            office.sold.incrementAndGet(); // site: act
            return true;
        }
        return false;
    }

    static void run(boolean atomic) throws InterruptedException {
        Office office = new Office();
        Thread b1 = new Thread(() -> buy(office, atomic), "buyer1");
        Thread b2 = new Thread(() -> buy(office, atomic), "buyer2");
        b1.start();
        b2.start();
        b1.join();
        b2.join();
        int sold = office.sold.get();
        assert sold <= LIMIT : "sold " + sold + " tickets, limit " + LIMIT; // site: assert
    }

    private AtomicCheckThenAct() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: one compare-and-set for check and take. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
