package programs.libs;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** A one-entry cache of a dictionary buffer. Readers take their own reference with retain();
 *  invalidate() swaps the entry out and drops the cache's reference. Fixed: get() and
 *  replace() share the cache's lock, so a reader never retains a freed entry. */
public class ArrowCacheRetainFix {
    static final class DictCache {
        private volatile ArrowBuf current;
        DictCache(ArrowBuf first) { current = first; }

        synchronized ArrowBuf get() {            // FIX: retain under the lock replace() takes
            ArrowBuf b = current;
            b.getReferenceManager().retain();
            return b;
        }

        synchronized void replace(ArrowBuf next) {
            ArrowBuf old = current;
            current = next;
            old.getReferenceManager().release(); // the cache's reference
        }
    }

    public static void main(String[] args) throws Exception {
        try (BufferAllocator root = new RootAllocator(1 << 20)) {
            ArrowBuf v1 = root.buffer(16); v1.setInt(0, 1);
            ArrowBuf v2 = root.buffer(16); v2.setInt(0, 2);
            DictCache cache = new DictCache(v1);
            int[] seen = new int[1];
            Throwable[] err = new Throwable[1];
            Thread reader = new Thread(() -> {
                try {
                    ArrowBuf b = cache.get();
                    try { seen[0] = b.getInt(0); } finally { b.getReferenceManager().release(); }
                } catch (Throwable t) { err[0] = t; }
            }, "reader");
            Thread reloader = new Thread(() -> cache.replace(v2), "reloader");
            reader.start();
            reloader.start();
            reader.join();
            reloader.join();
            if (err[0] != null) throw new AssertionError("reader failed", err[0]);
            if (seen[0] != 1 && seen[0] != 2) throw new AssertionError("read " + seen[0]);
            v2.close();
        }
    }
}
