package programs.apps.bufpool.bug.log;

import java.nio.ByteBuffer;

/** One log segment; sealed segments are immutable. */
public final class Segment {
    private final int index;
    private int records;
    private long bytes;
    private boolean sealed;

    public Segment(int index) { this.index = index; }

    public synchronized void append(ByteBuffer record) throws SegmentSealedException {
        if (sealed) {
            throw new SegmentSealedException(index);
        }
        bytes += record.remaining();
        records++;
    }

    public synchronized void seal() { sealed = true; }

    public synchronized int records() { return records; }

    public synchronized long bytes() { return bytes; }
}
