package io.refguard.cases.readahead;

import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.explore.Named;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A btrfs extent buffer with its reference count and the two fields the race is about.
 *
 * <p>The buffer cache (the radix tree) holds one reference to each buffer it contains, and the
 * {@code EXTENT_BUFFER_TREE_REF} bit says that it does: set means {@link #cacheRef} is open. {@code
 * io_pages} counts pages under I/O. The count is the {@link RefCounted} count: a lookup is a
 * get-unless-zero ({@link #tryAcquire()}), {@code free_extent_buffer} closes a reference, and the
 * last close frees the buffer, which also removes it from the cache. Reading freed pages is a use
 * after release, reported by the checker.
 */
final class ExtentBuffer extends RefCounted<ExtentBuffer> implements Named {

    /** The buffer's start, its key in the cache. */
    final long start;

    private final Map<Long, ExtentBuffer> cache;

    /** {@code eb->refs_lock}. */
    final Object refsLock = new RefsLock();

    /** The buffer's page. */
    final Page page = new Page();

    /** {@code EXTENT_BUFFER_TREE_REF}. */
    final AtomicBoolean treeRef = new AtomicBoolean(true);

    /** {@code eb->io_pages}. */
    final AtomicInteger ioPages = new AtomicInteger();

    /** {@code EXTENT_BUFFER_UPTODATE}. */
    final AtomicBoolean uptodate = new AtomicBoolean();

    /**
     * The cache's reference; open exactly while {@link #treeRef} is set. Guarded by {@link
     * #refsLock}.
     */
    Ref<ExtentBuffer> cacheRef;

    /** A buffer inserted into {@code cache}, which owns the creator's reference. */
    ExtentBuffer(long start, Map<Long, ExtentBuffer> cache) {
        this.start = start;
        this.cache = cache;
        this.cacheRef = this;
    }

    /** {@code extent_buffer_under_io()}. */
    boolean underIo() {
        return ioPages.get() > 0;
    }

    /**
     * {@code check_buffer_tree_ref()}: makes sure the cache holds its reference, re-taking it if a
     * reclaim dropped it. The caller holds a reference of its own.
     */
    void checkBufferTreeRef() {
        if (refCount() >= 2 && treeRef.get()) {
            return;
        }
        synchronized (refsLock) {
            if (!treeRef.getAndSet(true)) {
                cacheRef = acquire();
            }
        }
    }

    /** Reads the pages the device filled, to verify their checksum. */
    void verifyPages() {
        ensureAccessible();
    }

    @Override
    protected void deallocate() {
        cache.remove(start, this); // release_extent_buffer: out of the radix tree, pages freed
    }

    @Override
    public String reportName() {
        return "eb";
    }
}
