package example.jdk;

import java.util.HashMap;
import java.util.Map;

/**
 * Two threads count words into one {@code HashMap} without a lock. On a real machine one {@code
 * merge} can overwrite the other's (or corrupt the table); the explorer reports the overlap as the
 * data race it is. The fix counts under the map's monitor; both hand the map to {@code main}
 * through {@code join}, which is no race.
 */
public final class UnguardedHashMap {

    static void run(boolean locked) throws InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        Runnable count =
                () -> {
                    for (String w : new String[] {"lamp", "desk"}) {
                        if (locked) {
                            synchronized (counts) {
                                counts.merge(w, 1, Integer::sum);
                            }
                        } else {
                            counts.merge(w, 1, Integer::sum);
                        }
                    }
                };
        Thread a = new Thread(count, "a");
        Thread b = new Thread(count, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (counts.get("lamp") != 2 || counts.get("desk") != 2) {
            throw new AssertionError("counted " + counts);
        }
    }

    private UnguardedHashMap() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: every use of the map under one lock. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
