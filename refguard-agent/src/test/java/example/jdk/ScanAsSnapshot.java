package example.jdk;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An order book in a {@code ConcurrentSkipListMap} from price to quantity: a mover re-prices an
 * order (adds it at the new price, then removes it at the old one) while an auditor sums the
 * quantities, once with a for-each over {@code values()} and once with {@code forEach} (or a stream
 * of {@code values()}), as if each scan were a snapshot: at any moment the book holds 12, or 19
 * between the mover's two calls. The map's iteration is weakly consistent: when the new price sorts
 * before the scan's position and the old one after it, the scan sees the order at neither price and
 * sums 5. The fix makes the mover's two calls and each scan exclusive with one lock.
 */
public final class ScanAsSnapshot {

    static void run(boolean locked, int how) throws InterruptedException {
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
                                    scan(book, how, byLoop, byForEach);
                                }
                            } else {
                                scan(book, how, byLoop, byForEach);
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
            ConcurrentSkipListMap<Integer, Integer> book, int how, int[] byLoop, int[] byForEach) {
        if (how == BY_STREAM) {
            byLoop[0] = book.values().stream().mapToInt(Integer::intValue).sum();
            byForEach[0] = 12;
            return;
        }
        if (how == BY_FOR_EACH) {
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

    private static final int BY_LOOP = 0;
    private static final int BY_FOR_EACH = 1;
    private static final int BY_STREAM = 2;

    private ScanAsSnapshot() {}

    public static void main(String[] args) throws InterruptedException {
        run(false, BY_LOOP);
    }

    /** The bug with the scan by {@code forEach} alone. */
    public static final class ByForEach {
        private ByForEach() {}

        public static void main(String[] args) throws InterruptedException {
            run(false, BY_FOR_EACH);
        }
    }

    /** The bug with the scan by a sequential stream of {@code values()}. */
    public static final class ByStream {
        private ByStream() {}

        public static void main(String[] args) throws InterruptedException {
            run(false, BY_STREAM);
        }

        /** Its fix. */
        public static final class Fixed {
            private Fixed() {}

            public static void main(String[] args) throws InterruptedException {
                run(true, BY_STREAM);
            }
        }
    }

    /** The fix: one lock makes the move and each scan exclusive. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true, BY_LOOP);
        }
    }
}
