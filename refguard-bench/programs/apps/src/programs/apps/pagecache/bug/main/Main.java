package programs.apps.pagecache.bug.main;

import java.util.concurrent.ConcurrentLinkedQueue;
import programs.apps.pagecache.bug.cache.Evictor;
import programs.apps.pagecache.bug.cache.PageCache;
import programs.apps.pagecache.bug.store.Disk;
import programs.apps.pagecache.bug.store.Page;

public final class Main {
    public static void main(String[] args) throws Exception {
        Disk disk = new Disk();
        PageCache cache = new PageCache(disk, 2);
        Evictor evictor = new Evictor(cache);
        Thread evictorThread = new Thread(evictor, "evictor");
        evictorThread.start();

        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        Thread[] readers = new Thread[3];
        for (int r = 0; r < readers.length; r++) {
            final int offset = r;
            readers[r] = new Thread(() -> {
                try {
                    for (int i = 0; i < 4; i++) {
                        long id = (offset + i) % 4;
                        Page p = cache.pin(id);
                        try {
                            int sum = Disk.checksum(p.data());
                            if (sum != Disk.expected(id)) {
                                throw new AssertionError("page " + id + " corrupt: " + sum);
                            }
                        } finally {
                            cache.unpin(p);
                        }
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            }, "reader-" + r);
            readers[r].start();
        }
        for (Thread t : readers) t.join();
        evictor.stop();
        evictorThread.join();
        if (!errors.isEmpty()) {
            throw new AssertionError("a reader failed: " + errors.peek(), errors.peek());
        }
    }
}
