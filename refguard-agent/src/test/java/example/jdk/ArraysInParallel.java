package example.jdk;

import java.util.Arrays;
import java.util.Comparator;

/**
 * {@code Arrays.parallelSetAll}, {@code parallelPrefix} and {@code parallelSort}, which the JDK
 * runs on the common pool's threads. {@code SharedCounter} numbers the elements with a counter its
 * generator shares across those threads, unsynchronized, and expects distinct numbers; {@code
 * SetAll}, {@code Prefix} and {@code Sort} use functions of their arguments only.
 */
public final class ArraysInParallel {

    /** The bug: the generator's counter is shared by the threads that fill the array. */
    public static final class SharedCounter {
        public static void main(String[] args) {
            int[] next = {0};
            int[] ids = new int[4];
            Arrays.parallelSetAll(ids, i -> next[0]++);
            if (Arrays.stream(ids).distinct().count() != ids.length) {
                throw new AssertionError("ids " + Arrays.toString(ids) + " repeat");
            }
        }

        private SharedCounter() {}
    }

    /** The fix: a generator of its argument only. */
    public static final class SetAll {
        public static void main(String[] args) {
            long[] squares = new long[6];
            Arrays.parallelSetAll(squares, i -> (long) i * i);
            if (squares[5] != 25 || squares[2] != 4) {
                throw new AssertionError(Arrays.toString(squares));
            }
        }

        private SetAll() {}
    }

    /** An associative operator over more elements than the JDK adds up on the caller alone. */
    public static final class Prefix {
        public static void main(String[] args) {
            Integer[] sums = new Integer[18];
            Arrays.setAll(sums, i -> i + 1);
            Arrays.parallelPrefix(sums, Integer::sum);
            if (sums[17] != 171 || sums[8] != 45) {
                throw new AssertionError(Arrays.toString(sums));
            }
        }

        private Prefix() {}
    }

    /** More elements than the JDK sorts on the caller alone, with a comparator. */
    public static final class Sort {
        public static void main(String[] args) {
            Integer[] big = new Integer[9000];
            Arrays.setAll(big, i -> (i * 7919) % 9000);
            Arrays.parallelSort(big, Comparator.reverseOrder());
            Integer[] expected = new Integer[9000];
            Arrays.setAll(expected, i -> 8999 - i);
            if (!Arrays.equals(big, expected)) {
                throw new AssertionError("not sorted: starts with " + big[0] + ", " + big[1]);
            }
        }

        private Sort() {}
    }

    private ArraysInParallel() {}
}
