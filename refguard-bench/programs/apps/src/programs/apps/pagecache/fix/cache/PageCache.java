package programs.apps.pagecache.fix.cache;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import programs.apps.pagecache.fix.store.Disk;
import programs.apps.pagecache.fix.store.Page;

/** Pages by id; readers pin a page while they use it, the evictor drops unpinned pages. */
public final class PageCache {
    private final ConcurrentHashMap<Long, Page> pages = new ConcurrentHashMap<>();
    private final BlockingQueue<Long> pressure = new LinkedBlockingQueue<>();
    private final Disk disk;
    private final int capacity;

    public PageCache(Disk disk, int capacity) {
        this.disk = disk;
        this.capacity = capacity;
    }

    public Page pin(long id) {
        for (;;) {
            Page p = pages.computeIfAbsent(id, k -> new Page(k, disk.read(k)));
            int c = p.pins().get();
            if (c < 0) {                 // claimed by the evictor: drop the stale mapping, load again
                pages.remove(id, p);
                continue;
            }
            if (p.pins().compareAndSet(c, c + 1)) {
                if (pages.size() > capacity) {
                    pressure.offer(id);
                }
                return p;
            }
        }
    }

    public void unpin(Page p) {
        if (p.pins().decrementAndGet() < 0) {
            throw new IllegalStateException("page " + p.id() + " unpinned twice");
        }
    }

    /** Evicts unpinned pages until the cache is back at its capacity. */
    public int evictUnpinned() {
        int evicted = 0;
        for (Page p : pages.values()) {
            if (pages.size() <= capacity) break;
            if (p.pins().compareAndSet(0, -1)) {   // claim it: no reader can pin it any more
                pages.remove(p.id(), p);
                p.evict();
                evicted++;
            }
        }
        return evicted;
    }

    BlockingQueue<Long> pressure() { return pressure; }
}
