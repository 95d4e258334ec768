package programs.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A read-mostly cache: read lock for hits, write lock to load a miss. The loader is expensive. */
public class RwCacheLoadBug {
    static class Cache {
        private final Map<String, String> map = new HashMap<>();
        private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final AtomicInteger loads = new AtomicInteger();

        String get(String key) {
            rw.readLock().lock();
            try {
                String v = map.get(key);
                if (v != null) return v;
            } finally {
                rw.readLock().unlock();
            }
            rw.writeLock().lock();
            try {
                String v = load(key);                 // BUG: no re-check; another thread may have loaded it
                map.put(key, v);
                return v;
            } finally {
                rw.writeLock().unlock();
            }
        }

        private String load(String key) {
            loads.incrementAndGet();
            return key.toUpperCase();
        }
    }

    public static void main(String[] args) throws Exception {
        Cache cache = new Cache();
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                if (!cache.get("config").equals("CONFIG")) throw new AssertionError("bad value");
            }, "client-" + i);
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        if (cache.loads.get() != 1) throw new AssertionError("config loaded " + cache.loads.get() + " times");
    }
}
