package example.jdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A block cache kept in a {@code LinkedHashMap} in access order (the usual LRU: a subclass that
 * evicts the eldest entry), guarded by a read-write lock, with {@code get} under the read lock. In
 * access order {@code get} moves the entry it finds to the end, so two readers change the map at
 * once and can break its links. The fix takes the write lock for {@code get} as well.
 */
public final class LruUnderReadLock {

    static final class BlockCache {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private final boolean exclusiveGet;
        private final Map<Long, String> blocks =
                new LinkedHashMap<>(16, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                        return size() > 3;
                    }
                };

        BlockCache(boolean exclusiveGet) {
            this.exclusiveGet = exclusiveGet;
        }

        String get(long block) {
            var l = exclusiveGet ? lock.writeLock() : lock.readLock();
            l.lock();
            try {
                return blocks.get(block);
            } finally {
                l.unlock();
            }
        }

        void put(long block, String data) {
            lock.writeLock().lock();
            try {
                blocks.put(block, data);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    static void run(boolean exclusiveGet) throws InterruptedException {
        BlockCache cache = new BlockCache(exclusiveGet);
        for (long b = 1; b <= 3; b++) {
            cache.put(b, "block " + b);
        }
        Thread a = new Thread(() -> cache.get(1), "reader-a");
        Thread b = new Thread(() -> cache.get(2), "reader-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private LruUnderReadLock() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: {@code get} under the write lock. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
