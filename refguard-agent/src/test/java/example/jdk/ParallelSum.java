package example.jdk;

import java.util.List;

/**
 * A parallel stream, whose work the explorer cannot schedule: exploring it must say so instead of
 * passing. The fix uses a sequential stream.
 */
public final class ParallelSum {

    static void run(boolean parallel) {
        List<Integer> xs = List.of(1, 2, 3);
        int sum =
                (parallel ? xs.parallelStream() : xs.stream()) // site: parallel
                        .mapToInt(Integer::intValue)
                        .sum();
        if (sum != 6) {
            throw new AssertionError(sum);
        }
    }

    private ParallelSum() {}

    public static void main(String[] args) {
        run(true);
    }

    /** The fix: sequential. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(false);
        }
    }
}
