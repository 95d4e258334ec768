package io.refguard.cases.readpath;

import io.refguard.explore.Named;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A btrfs extent buffer on the read path: the in-memory copy of one tree block, with the bits
 * {@code EXTENT_BUFFER_UPTODATE} and {@code EXTENT_BUFFER_READING}. Several tasks read the same
 * block; the first one reads it from disk, the others wait or find it up to date. The read
 * algorithm belongs to the variants; this class holds the state and the reader's use of it.
 */
abstract class ExtentBuffer implements Named {

    /** The block's content on disk. */
    static final String ON_DISK = "tree block 30408704, generation 7";

    /** {@code EXTENT_BUFFER_UPTODATE}: the content is valid. */
    final AtomicBoolean uptodate = new AtomicBoolean();

    /** {@code EXTENT_BUFFER_READING}: a read I/O owns the buffer. */
    final AtomicBoolean reading = new AtomicBoolean();

    /**
     * The buffer's pages. While a read I/O is in flight the device is writing them, so their
     * content is undefined: modeled as null from submission until the I/O completes.
     */
    volatile String content;

    @Override
    public String reportName() {
        return "eb";
    }

    /** {@code read_extent_buffer_pages()}: returns once the buffer is up to date. */
    abstract void read() throws InterruptedException;

    /** Submits a read I/O and runs it to completion: the device fills the pages, then end_io. */
    final void readFromDisk() {
        content = null; // the device overwrites the pages
        content = ON_DISK;
        endIo();
    }

    /** {@code end_bbio_meta_read()}: marks the buffer up to date, clears READING, wakes waiters. */
    final void endIo() {
        uptodate.set(true);
        reading.set(false);
        synchronized (this) {
            notifyAll(); // wake_up_bit(EXTENT_BUFFER_READING)
        }
    }

    /** {@code wait_on_bit_io(EXTENT_BUFFER_READING)}. */
    final void waitWhileReading() throws InterruptedException {
        synchronized (this) {
            while (reading.get()) {
                wait();
            }
        }
    }

    /**
     * A task's use of the buffer once {@link #read()} returned: reads the content.
     *
     * @throws AssertionError when the pages are being overwritten by an I/O
     */
    final void use(String who) {
        String c = content;
        if (c == null) {
            throw new AssertionError(
                    who
                            + " read eb while it was up to date, but an I/O is overwriting"
                            + " its pages: UPTODATE must imply no I/O in flight");
        }
    }

    /**
     * The end of a run: the buffer is up to date, no read owns it, and its content is the block's.
     *
     * @throws AssertionError naming what differs
     */
    final void checkFinal() {
        if (!uptodate.get() || reading.get() || !ON_DISK.equals(content)) {
            throw new AssertionError(
                    "expected eb up to date, not reading, with the block's content;"
                            + " got uptodate="
                            + uptodate.get()
                            + ", reading="
                            + reading.get()
                            + ", content="
                            + content);
        }
    }
}
