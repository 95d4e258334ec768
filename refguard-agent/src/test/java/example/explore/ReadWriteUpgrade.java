package example.explore;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A cache looks a key up under the read lock and, on a miss, takes the write lock while still
 * holding the read lock. A {@code ReentrantReadWriteLock} cannot be upgraded: the write lock waits
 * for every reader, itself included, forever. The fix releases the read lock first and checks again
 * under the write lock.
 */
public final class ReadWriteUpgrade {

    static final class Cache {
        private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        private final Map<String, String> map = new HashMap<>();

        String get(String key, boolean releaseFirst) {
            rw.readLock().lock(); // site: read
            boolean reading = true;
            try {
                String v = map.get(key);
                if (v != null) {
                    return v;
                }
                if (releaseFirst) {
                    rw.readLock().unlock();
                    reading = false;
                }
                rw.writeLock().lock(); // site: write
                try {
                    return map.computeIfAbsent(key, k -> k.toUpperCase(java.util.Locale.ROOT));
                } finally {
                    rw.writeLock().unlock();
                }
            } finally {
                if (reading) {
                    rw.readLock().unlock();
                }
            }
        }
    }

    static void run(boolean releaseFirst) throws InterruptedException {
        Cache cache = new Cache();
        Thread t1 = new Thread(() -> cache.get("a", releaseFirst), "T1");
        Thread t2 = new Thread(() -> cache.get("a", releaseFirst), "T2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }

    private ReadWriteUpgrade() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: release the read lock, then take the write lock and check again. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
