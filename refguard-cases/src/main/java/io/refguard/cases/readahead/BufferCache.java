package io.refguard.cases.readahead;

import io.refguard.Ref;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one run: the buffer cache holding one extent buffer at {@link #START}, not under
 * I/O, whose only reference is the cache's; and the reclaim path, which is the same in both
 * variants.
 */
final class BufferCache {

    /** The buffer's start. */
    static final long START = 30408704L;

    /** The radix tree: start to buffer. */
    final Map<Long, ExtentBuffer> tree = new ConcurrentHashMap<>();

    /** The buffer the run starts with. */
    final ExtentBuffer eb;

    /** The I/O completion thread, once read-ahead submitted a read. */
    Thread endIo;

    BufferCache() {
        eb = new ExtentBuffer(START, tree);
        tree.put(START, eb);
    }

    /**
     * {@code find_extent_buffer()}: looks the buffer up and takes a reference (get-unless-zero,
     * under RCU), then {@code mark_extent_buffer_accessed()}, which calls {@code
     * check_buffer_tree_ref()}.
     *
     * @return a reference, or null when the buffer is gone
     */
    Ref<ExtentBuffer> find(long start) {
        ExtentBuffer e = tree.get(start);
        if (e == null) {
            return null;
        }
        Ref<ExtentBuffer> r = e.tryAcquire();
        if (r != null) {
            e.checkBufferTreeRef();
        }
        return r;
    }

    /**
     * Submits the read of {@code e}'s pages, which the caller locked and marked in {@code
     * io_pages}; the completion ({@code end_io}) runs on a thread of its own, like a bio's
     * completion, and holds no reference: {@code io_pages} is what must keep the buffer alive.
     */
    void submitRead(ExtentBuffer e) {
        endIo = new Thread(() -> endIo(e), "end_io");
        endIo.start();
    }

    /**
     * {@code end_bbio_meta_read()}, run by the I/O completion: verifies the pages the device
     * filled, marks the buffer up to date, ends the I/O and unlocks the page.
     */
    static void endIo(ExtentBuffer e) {
        e.verifyPages();
        e.uptodate.set(true);
        e.ioPages.decrementAndGet();
        e.page.unlock();
    }

    /** Reclaim: the VM locks the page and asks the file system to release it. */
    static boolean reclaim(ExtentBuffer e) throws InterruptedException {
        e.page.lock();
        try {
            return releasePage(e);
        } finally {
            e.page.unlock();
        }
    }

    /**
     * {@code try_release_extent_buffer()}, on behalf of {@code releasepage}, with the page locked:
     * under the buffer's lock, if the cache's reference is the only one and no I/O is in flight,
     * clear {@code TREE_REF} and drop the cache's reference, which frees the buffer.
     */
    static boolean releasePage(ExtentBuffer e) {
        synchronized (e.refsLock) {
            if (e.refCount() != 1 || e.underIo()) {
                return false;
            }
            if (!e.treeRef.getAndSet(false)) {
                return false;
            }
            Ref<ExtentBuffer> r = e.cacheRef;
            e.cacheRef = null;
            r.close();
            return true;
        }
    }

    /**
     * The end of a run (on the exploring thread, after every actor finished): waits for the I/O
     * completion; then either the buffer was reclaimed and is gone from the cache, or it is in the
     * cache, up to date, not under I/O, and the cache's reference is its only one. Drops that
     * reference.
     *
     * @throws AssertionError naming what differs
     */
    void checkFinal() throws InterruptedException {
        if (endIo != null) {
            endIo.join();
        }
        if (!eb.isAlive()) {
            if (tree.containsKey(START)) {
                throw new AssertionError("eb was freed but is still in the cache");
            }
            return;
        }
        if (!eb.treeRef.get()
                || eb.cacheRef == null
                || eb.refCount() != 1
                || eb.underIo()
                || eb.page.isLocked()) {
            throw new AssertionError(
                    "expected eb cached with only the cache's reference, no I/O and its page"
                            + " unlocked; got TREE_REF="
                            + eb.treeRef.get()
                            + ", refs="
                            + eb.refCount()
                            + ", io_pages="
                            + eb.ioPages.get()
                            + ", page locked="
                            + eb.page.isLocked());
        }
        eb.cacheRef.close();
    }
}
