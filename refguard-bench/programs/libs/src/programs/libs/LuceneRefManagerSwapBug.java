package programs.libs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.ReferenceManager;

/** A hot-swapped config snapshot managed by Lucene's ReferenceManager. Each snapshot has its own
 *  reference count; tryIncRef is written as "if positive then increment", so a reader can revive
 *  a snapshot that the swap has just released (and closed) and read freed state. */
public class LuceneRefManagerSwapBug {
    static final class Snapshot {
        final int version;
        final AtomicInteger refs = new AtomicInteger(1);
        volatile boolean closed;
        Snapshot(int version) { this.version = version; }

        boolean tryIncRef() {
            if (refs.get() > 0) {            // BUG: check-then-act on the count
                refs.incrementAndGet();
                return true;
            }
            return false;
        }

        void decRef() {
            if (refs.decrementAndGet() == 0) closed = true;
        }

        int read() {
            if (closed) throw new IllegalStateException("snapshot " + version + " used after close");
            return version;
        }
    }

    static final class SnapshotManager extends ReferenceManager<Snapshot> {
        volatile int published = 1;
        SnapshotManager() { current = new Snapshot(1); }
        @Override protected void decRef(Snapshot s) { s.decRef(); }
        @Override protected boolean tryIncRef(Snapshot s) { return s.tryIncRef(); }
        @Override protected int getRefCount(Snapshot s) { return s.refs.get(); }
        @Override protected Snapshot refreshIfNeeded(Snapshot old) {
            return published == old.version ? null : new Snapshot(published);
        }
    }

    public static void main(String[] args) throws Exception {
        SnapshotManager mgr = new SnapshotManager();
        Throwable[] err = new Throwable[2];
        Runnable reader = () -> {
            try {
                Snapshot s = mgr.acquire();
                try { s.read(); } finally { mgr.release(s); }
            } catch (Throwable t) { err[Thread.currentThread().getName().equals("r1") ? 0 : 1] = t; }
        };
        Thread r1 = new Thread(reader, "r1");
        Thread r2 = new Thread(reader, "r2");
        Thread swap = new Thread(() -> {
            try { mgr.published = 2; mgr.maybeRefresh(); } catch (Exception e) { throw new RuntimeException(e); }
        }, "swap");
        r1.start(); r2.start(); swap.start();
        r1.join(); r2.join(); swap.join();
        if (err[0] != null || err[1] != null) throw new AssertionError("reader failed: " + err[0] + " / " + err[1]);
        Snapshot last = mgr.acquire();
        try { if (last.read() != 2) throw new AssertionError("not swapped"); } finally { mgr.release(last); }
        mgr.close();
    }
}
