package example.arrays;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small direct-mapped block cache in a plain {@code Object[]}: a miss loads the block and
 * installs it. Check and install are two steps, so two readers of one block can both miss and both
 * load it. The fix makes the lookup one critical section.
 */
public final class BlockCache {

    final Object[] slots = new Object[8];
    final AtomicInteger loads = new AtomicInteger();

    private BlockCache() {}

    Object get(int key) {
        Object b = slots[key & 7]; // site: check
        if (b == null) {
            b = load(key);
            slots[key & 7] = b; // site: install
        }
        return b;
    }

    synchronized Object getLocked(int key) {
        return get(key);
    }

    Object load(int key) {
        loads.incrementAndGet();
        return "block-" + key;
    }

    static void run(boolean locked) throws InterruptedException {
        BlockCache cache = new BlockCache();
        Runnable read =
                () -> {
                    if (locked) {
                        cache.getLocked(5);
                    } else {
                        cache.get(5);
                    }
                };
        Thread a = new Thread(read, "reader-a");
        Thread b = new Thread(read, "reader-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (cache.loads.get() != 1) {
            throw new AssertionError("block 5 loaded " + cache.loads.get() + " times");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: check and install under the cache's monitor. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
