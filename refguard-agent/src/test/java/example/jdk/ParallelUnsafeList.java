package example.jdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A parallel {@code forEach} adds to one {@code ArrayList}, which is not thread-safe: two pieces
 * can be inside {@code add} at once, which loses elements or corrupts the list in the JVM. The fix
 * adds to a {@code Collections.synchronizedList}. {@link Counts} counts into a {@code HashMap} with
 * {@code merge}; its fix holds the map's monitor around the call.
 */
public final class ParallelUnsafeList {

    private ParallelUnsafeList() {}

    static void run(List<Integer> list) {
        IntStream.range(0, 2).parallel().forEach(i -> list.add(i));
        if (list.size() != 2) {
            throw new AssertionError("kept " + list.size() + " elements, expected 2");
        }
    }

    public static void main(String[] args) {
        run(new ArrayList<>());
    }

    /** The fix: a synchronized list. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) {
            run(Collections.synchronizedList(new ArrayList<>()));
        }
    }

    /** A {@code HashMap} updated from a parallel {@code forEach}. */
    public static final class Counts {
        private Counts() {}

        static void run(boolean locked) {
            Map<Integer, Integer> counts = new HashMap<>();
            IntStream.range(0, 2)
                    .parallel()
                    .forEach(
                            i -> {
                                if (locked) {
                                    synchronized (counts) {
                                        counts.merge(i % 2, 1, Integer::sum);
                                    }
                                } else {
                                    counts.merge(i % 2, 1, Integer::sum);
                                }
                            });
            if (counts.size() != 2) {
                throw new AssertionError("counted " + counts);
            }
        }

        public static void main(String[] args) {
            run(false);
        }

        /** The fix: the map's monitor around each update. */
        public static final class Fixed {
            private Fixed() {}

            public static void main(String[] args) {
                run(true);
            }
        }
    }
}
