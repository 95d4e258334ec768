package programs.apps.bufpool.fix.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import programs.apps.bufpool.fix.pool.DirectBufferPool;

/** Appends records through pooled direct buffers; a roller seals the active segment now and then. */
public final class SegmentedLog {
    private final DirectBufferPool pool;
    private final List<Segment> segments = new CopyOnWriteArrayList<>();
    private volatile Segment active;

    public SegmentedLog(DirectBufferPool pool) {
        this.pool = pool;
        roll();
    }

    public void append(String record) throws InterruptedException {
        for (;;) {
            ByteBuffer buf = pool.acquire(100);
            try {
                buf.put(record.getBytes(StandardCharsets.UTF_8)).flip();
                active.append(buf);
                return;
            } catch (SegmentSealedException e) {
                continue;                      // rolled under us: retry on the new segment
            } finally {
                pool.release(buf);
            }
        }
    }

    /** Seals the active segment and starts a new one. */
    public synchronized void roll() {
        Segment next = new Segment(segments.size());
        segments.add(next);
        Segment old = active;
        active = next;
        if (old != null) old.seal();
    }

    public int totalRecords() {
        int n = 0;
        for (Segment s : segments) n += s.records();
        return n;
    }

    public int segmentCount() { return segments.size(); }
}
