package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The bulk operations of {@code ConcurrentHashMap} that take a parallelism threshold. With a
 * threshold of 1 the JDK splits the work over the common pool's threads, so the program's function
 * runs on several threads at once; and none of them reads a snapshot. {@code SharedList} collects
 * the values into an {@code ArrayList} from a parallel {@code forEachValue}; {@code NoSnapshot}
 * sums the values while a mover moves 10 from one key to another (remove, then put), and can see
 * neither; {@code Fixed} collects into a concurrent queue, searches and reduces while a writer adds
 * an entry, and checks only what holds at any moment.
 */
public final class BulkOverMap {

    static ConcurrentHashMap<Integer, Integer> filled(int n, int value) {
        ConcurrentHashMap<Integer, Integer> m = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(i, value);
        }
        return m;
    }

    /** The bug: the parallel action adds to a list that is not thread-safe. */
    public static final class SharedList {
        public static void main(String[] args) {
            ConcurrentHashMap<Integer, Integer> m = filled(8, 1);
            List<Integer> seen = new ArrayList<>();
            m.forEachValue(1, seen::add);
            if (seen.size() != 8) {
                throw new AssertionError("collected " + seen.size() + " of 8 values");
            }
        }

        private SharedList() {}
    }

    /** The bug: a bulk sum taken as a snapshot while a mover moves 10 between two keys. */
    public static final class NoSnapshot {
        public static void main(String[] args) throws InterruptedException {
            ConcurrentHashMap<Integer, Integer> m = filled(4, 10);
            Thread mover =
                    new Thread(
                            () -> {
                                m.remove(0);
                                m.put(3, 20);
                            });
            mover.start();
            long total = m.reduceValuesToLong(Long.MAX_VALUE, Integer::longValue, 0L, Long::sum);
            mover.join();
            if (total != 40 && total != 30) { // 30 between the mover's two calls
                throw new AssertionError("summed " + total + ", which the map never held");
            }
        }

        private NoSnapshot() {}
    }

    /** The fix: a concurrent queue, and checks of what holds at any moment. */
    public static final class Fixed {
        public static void main(String[] args) throws InterruptedException {
            ConcurrentHashMap<Integer, Integer> m = filled(2, 1);
            Thread writer = new Thread(() -> m.put(9, 5));
            writer.start();
            ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
            m.forEachValue(1, seen::add);
            Integer big = m.searchValues(Long.MAX_VALUE, v -> v > 1 ? v : null);
            writer.join();
            if (seen.size() < 2 || (big != null && big != 5)) {
                throw new AssertionError(seen + " " + big);
            }
        }

        private Fixed() {}
    }

    private BulkOverMap() {}
}
