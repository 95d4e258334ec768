package programs.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

public class RwCacheLoadFix {
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
                String v = map.get(key);              // FIX: re-check under the write lock
                if (v == null) {
                    v = load(key);
                    map.put(key, v);
                }
                rw.readLock().lock();                 // downgrade: keep reading under the read lock
                rw.writeLock().unlock();
                try {
                    return map.get(key);
                } finally {
                    rw.readLock().unlock();
                }
            } finally {
                if (rw.isWriteLockedByCurrentThread()) rw.writeLock().unlock();
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
