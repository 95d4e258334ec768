package example.jdk;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An order book in a {@code ConcurrentSkipListMap} from price to quantity: a mover re-prices an
 * order (adds it at the new price, then removes it at the old one) while an auditor sums the
 * quantities, once with a for-each over {@code values()} and once with {@code forEach}, as if each
 * scan were a snapshot: at any moment the book holds 12, or 19 between the mover's two calls. The
 * map's iteration is weakly consistent: when the new price sorts before the scan's position and the
 * old one after it, the scan sees the order at neither price and sums 5. The fix makes the mover's
 * two calls and each scan exclusive with one lock.
 */
public final class ScanAsSnapshot {

    static void run(boolean locked, boolean loop) throws InterruptedException {
        ConcurrentSkipListMap<Integer, Integer> book = new ConcurrentSkipListMap<>();
        Object lock = new Object();
        book.put(100, 5);
        book.put(300, 7);
        Thread mover =
                new Thread(
                        () -> {
                            if (locked) {
                                synchronized (lock) {
                                    book.put(50, 7);
                                    book.remove(300);
                                }
                            } else {
                                book.put(50, 7);
                                book.remove(300);
                            }
                        });
        Thread auditor =
                new Thread(
                        () -> {
                            int[] byLoop = {0};
                            int[] byForEach = {0};
                            if (locked) {
                                synchronized (lock) {
                                    scan(book, loop, byLoop, byForEach);
                                }
                            } else {
                                scan(book, loop, byLoop, byForEach);
                            }
                            // any moment of the book holds 12 or, between the mover's calls, 19
                            if (byLoop[0] < 12 || byForEach[0] < 12) {
                                throw new AssertionError(
                                        "audited "
                                                + byLoop[0]
                                                + " and "
                                                + byForEach[0]
                                                + ", less than the book ever held");
                            }
                        });
        mover.start();
        auditor.start();
        mover.join();
        auditor.join();
    }

    private static void scan(
            ConcurrentSkipListMap<Integer, Integer> book,
            boolean loop,
            int[] byLoop,
            int[] byForEach) {
        if (!loop) {
            byLoop[0] = 12;
            book.forEach((price, q) -> byForEach[0] += q);
            return;
        }
        int total = 0;
        for (int q : book.values()) { // the loop's body has no point of its own
            total += q;
        }
        byLoop[0] = total;
        book.forEach((price, q) -> byForEach[0] += q);
    }

    private ScanAsSnapshot() {}

    public static void main(String[] args) throws InterruptedException {
        run(false, true);
    }

    /** The bug with the scan by {@code forEach} alone. */
    public static final class ByForEach {
        private ByForEach() {}

        public static void main(String[] args) throws InterruptedException {
            run(false, false);
        }
    }

    /** The fix: one lock makes the move and each scan exclusive. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true, true);
        }
    }
}
