package io.refguard.cases.readahead;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 5, broken: can reclaim drop the cache's reference to a buffer that read-ahead is about to
 * put under I/O?
 *
 * <p>The btrfs buffer cache holds one reference on each extent buffer, marked by the {@code
 * TREE_REF} bit, and {@code io_pages} counts pages under I/O. Reclaim ({@code releasepage}, called
 * by the VM with the page locked) takes the buffer's lock and, if the count is 1 and no I/O is in
 * flight, clears {@code TREE_REF} and drops the cache's reference, which frees the buffer.
 * Read-ahead looks the buffer up (count + 1) and calls {@code check_buffer_tree_ref} (which
 * re-takes the cache's reference if {@code TREE_REF} was cleared), both without the buffer's lock;
 * then it locks the page, sets {@code io_pages}, submits the read and drops its own reference
 * without waiting. The read's completion unlocks the page.
 *
 * <table>
 * <caption>The interleaving from the seed</caption>
 * <tr><th>Read-ahead</th><th>Reclaim</th></tr>
 * <tr><td></td><td>reads refs == 1, not under I/O</td></tr>
 * <tr><td>lookup: refs 1 to 2; {@code check_buffer_tree_ref} sees TREE_REF still set: does nothing</td><td></td></tr>
 * <tr><td></td><td>clears TREE_REF, drops the cache's reference: refs 2 to 1</td></tr>
 * <tr><td>sets io_pages, submits the read; drops its own reference: refs 1 to 0, the pages are
 *     freed under I/O</td><td></td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> A buffer under I/O is never freed.
 *
 * <p><b>Model.</b> {@link ExtentBuffer} is reference-counted; the bits and {@code io_pages} are
 * atomics, the buffer's lock a {@code synchronized} block, and the page lock a flag under the
 * page's monitor with {@code wait}/{@code notifyAll}; the refguard agent turns each of these into
 * scheduling points. The read's completion runs on a thread read-ahead starts ({@code end_io}) and
 * touches the pages: on a freed buffer the checker reports a use after release, naming reclaim's
 * release as where the buffer was freed.
 *
 * <p><b>Fix.</b> {@link Readahead_02_TreeRefAfterIo}.
 *
 * <p><b>Run it:</b> {@code ./refguard cases readahead-release}, or {@code ./refguard explore
 * --class io.refguard.cases.readahead.Readahead_01_TreeRefBeforeIo}.
 */
public final class Readahead_01_TreeRefBeforeIo {

    private Readahead_01_TreeRefBeforeIo() {}

    /** The scenario: read-ahead of the buffer races with reclaim of its page. */
    public static Scenario<BufferCache> scenario() {
        return Explorer.scenario("readahead 01: TREE_REF checked before io_pages")
                .setup(BufferCache::new)
                .actor("read-ahead", Readahead_01_TreeRefBeforeIo::readahead)
                .actor("reclaim", cache -> BufferCache.reclaim(cache.eb))
                .check(BufferCache::checkFinal);
    }

    /** {@code readahead_tree_block()} before the fix. */
    static void readahead(BufferCache cache) throws InterruptedException {
        Ref<ExtentBuffer> ref = cache.find(BufferCache.START);
        if (ref == null) {
            return; // reclaimed already: nothing cached to read ahead
        }
        ExtentBuffer eb = ref.get();
        eb.page.lock(); // read_extent_buffer_pages(): lock the pages for the read
        eb.ioPages.set(1); // read_extent_buffer_pages(): the pages are under I/O from here
        cache.submitRead(eb);
        ref.close(); // free_extent_buffer(): read-ahead does not wait for the read
    }
}
