package programs.apps.pagecache.bug.store;

import java.util.concurrent.atomic.AtomicInteger;

/** A cached page: its bytes, the number of readers that pin it, and whether it was evicted. */
public final class Page {
    private final long id;
    private byte[] data;
    private final AtomicInteger pins = new AtomicInteger();
    private volatile boolean evicted;

    public Page(long id, byte[] data) {
        this.id = id;
        this.data = data;
    }

    public long id() { return id; }

    public AtomicInteger pins() { return pins; }

    public byte[] data() {
        if (evicted) {
            throw new IllegalStateException("page " + id + " used after eviction");
        }
        return data;
    }

    /** Drops the bytes; the frame goes back to the allocator. */
    public void evict() {
        evicted = true;
        data = null;
    }
}
