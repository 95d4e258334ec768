package programs.jdk;

import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

/** 250 requests on virtual threads read a config cache; each key must be loaded once. */
public class VtCacheLoadFix {
    static final ConcurrentHashMap<Integer, String> cache = new ConcurrentHashMap<>();
    static final AtomicInteger loads = new AtomicInteger();

    static String load(int key) { loads.incrementAndGet(); return "value-" + key; }

    static String get(int key) {
        String v = cache.computeIfAbsent(key, VtCacheLoadFix::load);   // FIX: one atomic load per key
        return v;
    }

    public static void main(String[] args) {
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 250; i++) {
                int key = i % 5;
                ex.submit(() -> get(key));
            }
        }
        if (loads.get() != 5) throw new AssertionError("loaded " + loads.get() + " times for 5 keys");
    }
}
