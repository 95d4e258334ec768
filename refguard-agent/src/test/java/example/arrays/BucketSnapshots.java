package example.arrays;

import java.util.Arrays;

/**
 * A histogram whose buckets a reporter copies while a resetter withdraws and clears them. The
 * reporter checks the {@code published} flag and then copies the buckets in one call; the resetter
 * clears the flag and then the buckets. Between the reporter's check and its copy, the resetter can
 * do both, so the report holds cleared buckets. The copy is one call ({@code clone()}, {@code
 * System.arraycopy} or {@code Arrays.copyOf}), with no element instruction of the program's own
 * between the check and the copy. The fix does the check and the copy under the histogram's lock,
 * which the resetter takes too.
 */
public final class BucketSnapshots {

    static final long[] buckets = {3, 5, 8};
    static volatile boolean published = true;

    private BucketSnapshots() {}

    static void reset() {
        published = false;
        Arrays.fill(buckets, 0); // site: fill
    }

    static void check(long[] report) {
        if (report != null && report[0] != 3) {
            throw new AssertionError("reported cleared buckets: " + Arrays.toString(report));
        }
    }

    static void race(Runnable reset, java.util.function.Supplier<long[]> report)
            throws InterruptedException {
        Thread resetter = new Thread(reset, "resetter");
        resetter.start();
        long[] copy = report.get();
        resetter.join();
        check(copy);
    }

    /** The bug with {@code clone()}. */
    public static void main(String[] args) throws InterruptedException {
        race(BucketSnapshots::reset, () -> published ? buckets.clone() : null); // site: clone
    }

    /** The bug with {@code System.arraycopy} into the reporter's own array. */
    public static final class Copied {
        private Copied() {}

        public static void main(String[] args) throws InterruptedException {
            race(
                    BucketSnapshots::reset,
                    () -> {
                        if (!published) {
                            return null;
                        }
                        long[] mine = new long[3];
                        System.arraycopy(buckets, 0, mine, 0, 3); // site: arraycopy
                        return mine;
                    });
        }
    }

    /** The bug with {@code Arrays.copyOf}. */
    public static final class CopiedOf {
        private CopiedOf() {}

        public static void main(String[] args) throws InterruptedException {
            race(
                    BucketSnapshots::reset,
                    () -> published ? Arrays.copyOf(buckets, 3) : null); // site: copyOf
        }
    }

    /** The fix: the check and the copy under the lock the resetter takes too. */
    public static final class Fixed {
        static final long[] buckets = {3, 5, 8};
        static boolean published = true;

        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            race(
                    () -> {
                        synchronized (buckets) {
                            published = false;
                            Arrays.fill(buckets, 0);
                        }
                    },
                    () -> {
                        synchronized (buckets) {
                            return published ? buckets.clone() : null;
                        }
                    });
        }
    }

    /**
     * Copies that must keep the JDK's meaning under exploration: an overlapping move within one
     * array, a reference array into a narrower one (checked element by element), and the exceptions
     * of bad arguments. Two threads, so that the copies are scheduling points.
     */
    public static final class Semantics {
        private Semantics() {}

        public static void main(String[] args) throws InterruptedException {
            Thread other = new Thread(() -> {}, "other");
            other.start();
            int[] a = {1, 2, 3, 4, 5};
            System.arraycopy(a, 0, a, 1, 4);
            expect(Arrays.equals(a, new int[] {1, 1, 2, 3, 4}), "overlapping move");
            Object[] names = {"a", "b"};
            String[] narrow = new String[2];
            System.arraycopy(names, 0, narrow, 0, 2);
            expect(narrow[1].equals("b"), "narrowing copy");
            Object[] mixed = {"a", 1};
            try {
                System.arraycopy(mixed, 0, narrow, 0, 2);
                expect(false, "no ArrayStoreException");
            } catch (ArrayStoreException expected) {
                expect(narrow[0].equals("a"), "elements before the bad one copied");
            }
            try {
                System.arraycopy(a, 3, a, 0, 3);
                expect(false, "no IndexOutOfBoundsException");
            } catch (IndexOutOfBoundsException expected) {
                expect(a[0] == 1, "nothing copied out of bounds");
            }
            int[][] grid = {{1}, {2}};
            int[][] copy = grid.clone();
            expect(copy != grid && copy[1] == grid[1], "shallow clone");
            long[] sorted = {3, 1, 2};
            Arrays.sort(sorted);
            expect(Arrays.binarySearch(sorted, 2) == 1, "sort then search");
            other.join();
        }

        private static void expect(boolean ok, String what) {
            if (!ok) {
                throw new AssertionError(what);
            }
        }
    }
}
