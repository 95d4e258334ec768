package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two threads group values under one key with {@code computeIfAbsent(key, k -> new
 * ArrayList<>()).add(value)}: the map is thread-safe, the list it hands out is not, and the two
 * {@code add}s run after the map calls, with nothing ordering them. The fix adds inside {@code
 * compute}, which runs the function atomically for the key.
 */
public final class GroupedLists {

    static void run(boolean inside) throws InterruptedException {
        ConcurrentHashMap<String, List<Integer>> groups = new ConcurrentHashMap<>();
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            int value = i;
            threads[i] =
                    new Thread(
                            () -> {
                                if (inside) {
                                    groups.compute(
                                            "even",
                                            (k, l) -> {
                                                List<Integer> g = l == null ? new ArrayList<>() : l;
                                                g.add(value);
                                                return g;
                                            });
                                } else {
                                    groups.computeIfAbsent("even", k -> new ArrayList<>())
                                            .add(value);
                                }
                            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (groups.get("even").size() != 2) {
            throw new AssertionError("grouped " + groups + ", expected 2 values");
        }
    }

    private GroupedLists() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: the add inside {@code compute}. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
