package programs.jdk;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A cache of parsed settings counts its loads inside computeIfAbsent; two readers load two
 *  different names at once. The map keeps each key's function apart, not two keys'. */
public class LoadStatsFix {
    static final ConcurrentHashMap<String, String[]> cache = new ConcurrentHashMap<>();
    static final LongAdder loads = new LongAdder();   // FIX: a counter made for concurrent adds

    static String[] settings(String name) {
        return cache.computeIfAbsent(name, n -> {
            loads.increment();
            return n.split("\\.");
        });
    }

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> settings("db.pool.size"), "reader-a");
        Thread b = new Thread(() -> settings("http.port"), "reader-b");
        a.start(); b.start(); a.join(); b.join();
        if (loads.sum() != cache.size()) throw new AssertionError(cache.size() + " loads counted as " + loads.sum());
    }
}
