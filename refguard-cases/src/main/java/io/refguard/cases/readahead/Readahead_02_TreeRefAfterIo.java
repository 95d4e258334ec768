package io.refguard.cases.readahead;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 5, fixed: check the tree reference after marking the I/O.
 *
 * <p>The race of {@link Readahead_01_TreeRefBeforeIo}: read-ahead of a cached buffer against
 * reclaim of its page.
 *
 * <p><b>Invariant.</b> A buffer under I/O is never freed.
 *
 * <p><b>Fix</b> (upstream: "btrfs: fix fatal extent_buffer readahead vs releasepage race"). {@code
 * check_buffer_tree_ref} is called again <em>after</em> {@code io_pages} is set, on the read path
 * (and the write path). Reclaim works with the page locked, and read-ahead sets {@code io_pages}
 * only once it holds the page lock, so a reclaim that saw no I/O has finished, {@code TREE_REF}
 * cleared and the cache's reference dropped, before {@code io_pages} is set; the new check then
 * sees the bit cleared and re-takes the cache's reference under the buffer's lock. Once I/O is
 * marked, the cache's reference can no longer be dropped. The explorer verifies every schedule
 * within two preemptions.
 *
 * <p><b>Run it:</b> {@code ./refguard cases readahead-release}, or {@code ./refguard explore
 * --class io.refguard.cases.readahead.Readahead_02_TreeRefAfterIo}.
 */
public final class Readahead_02_TreeRefAfterIo {

    private Readahead_02_TreeRefAfterIo() {}

    /** The scenario of {@link Readahead_01_TreeRefBeforeIo}, with the fixed read-ahead. */
    public static Scenario<BufferCache> scenario() {
        return Explorer.scenario("readahead 02: TREE_REF checked after io_pages")
                .setup(BufferCache::new)
                .actor("read-ahead", Readahead_02_TreeRefAfterIo::readahead)
                .actor("reclaim", cache -> BufferCache.reclaim(cache.eb))
                .check(BufferCache::checkFinal);
    }

    /** {@code readahead_tree_block()} after the fix. */
    static void readahead(BufferCache cache) throws InterruptedException {
        Ref<ExtentBuffer> ref = cache.find(BufferCache.START);
        if (ref == null) {
            return;
        }
        ExtentBuffer eb = ref.get();
        eb.page.lock(); // read_extent_buffer_pages(): lock the pages for the read
        eb.ioPages.set(1);
        eb.checkBufferTreeRef(); // after io_pages: from here TREE_REF can no longer be cleared
        cache.submitRead(eb);
        ref.close();
    }
}
