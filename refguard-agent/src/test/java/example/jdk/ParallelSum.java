package example.jdk;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A parallel stream sums a list and counts, in its {@code mapToInt} lambda, the elements it has
 * seen, with a read then a write of a volatile field: the sum is right, the count loses an update.
 * {@link Counted} does the same in a {@code filter} before {@code count()}. The fix counts with a
 * {@code LongAdder}.
 */
public final class ParallelSum {

    static volatile int seen;

    static void run(boolean adder, boolean count) {
        seen = 0;
        LongAdder seenByAdder = new LongAdder();
        List<Integer> xs = List.of(1, 2, 3);
        long result;
        if (count) {
            result =
                    xs.parallelStream()
                            .filter(
                                    x -> {
                                        see(adder, seenByAdder);
                                        return x != 2;
                                    })
                            .count();
        } else {
            result =
                    xs.parallelStream()
                            .mapToInt(
                                    x -> {
                                        see(adder, seenByAdder);
                                        return x;
                                    })
                            .sum();
        }
        if (result != (count ? 2 : 6)) {
            throw new AssertionError("the stream computed " + result);
        }
        int total = adder ? seenByAdder.intValue() : seen;
        if (total != 3) {
            throw new AssertionError("saw " + total + " elements, expected 3");
        }
    }

    private static void see(boolean adder, LongAdder seenByAdder) {
        if (adder) {
            seenByAdder.increment();
        } else {
            seen = seen + 1;
        }
    }

    private ParallelSum() {}

    public static void main(String[] args) {
        run(false, false);
    }

    /** The fix: a {@code LongAdder}. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(true, false);
        }
    }

    /** The same race in a {@code filter} before {@code count()}. */
    public static final class Counted {
        private Counted() {}

        public static void main(String[] args) {
            run(false, true);
        }

        /** Its fix. */
        public static final class Fixed {
            private Fixed() {}

            public static void main(String[] args) {
                run(true, true);
            }
        }
    }
}
