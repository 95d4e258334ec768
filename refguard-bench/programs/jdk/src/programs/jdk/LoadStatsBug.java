package programs.jdk;

import java.util.concurrent.ConcurrentHashMap;

/** A cache of parsed settings counts its loads inside computeIfAbsent; two readers load two
 *  different names at once. The map keeps each key's function apart, not two keys'. */
public class LoadStatsBug {
    static final ConcurrentHashMap<String, String[]> cache = new ConcurrentHashMap<>();
    static int loads;                                 // BUG: two keys' loads run at once

    static String[] settings(String name) {
        return cache.computeIfAbsent(name, n -> {
            loads++;
            return n.split("\\.");
        });
    }

    public static void main(String[] args) throws Exception {
        Thread a = new Thread(() -> settings("db.pool.size"), "reader-a");
        Thread b = new Thread(() -> settings("http.port"), "reader-b");
        a.start(); b.start(); a.join(); b.join();
        if (loads != cache.size()) throw new AssertionError(cache.size() + " loads counted as " + loads);
    }
}
