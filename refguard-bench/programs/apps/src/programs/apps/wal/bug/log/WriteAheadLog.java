package programs.apps.wal.bug.log;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Writers append; one flusher thread writes and syncs them in batches (group commit). */
public final class WriteAheadLog {
    private final BlockingQueue<LogRecord> pending = new LinkedBlockingQueue<>();
    private final AtomicLong nextLsn = new AtomicLong();
    private final AtomicLong syncedBytes = new AtomicLong();
    private volatile long durableLsn;
    private volatile boolean closed;
    private long syncs;

    /** Returns a future completed with the record's LSN once it is on stable storage. */
    public CompletableFuture<Long> append(byte[] payload) {
        if (closed) {
            throw new LogClosedException();
        }
        LogRecord r = new LogRecord(nextLsn.incrementAndGet(), payload);
        pending.add(r);
        return r.durable;
    }

    /** One group commit; returns false once the log is closed and everything is flushed. */
    public boolean flushOnce(List<LogRecord> batch) throws InterruptedException {
        if (closed && pending.isEmpty()) {
            return false;
        }
        LogRecord first = pending.poll(10, TimeUnit.MILLISECONDS);
        if (first == null) {
            return true;
        }
        batch.clear();
        batch.add(first);
        pending.drainTo(batch, 31);
        long max = 0;
        for (LogRecord r : batch) {
            syncedBytes.addAndGet(r.size());
            max = Math.max(max, r.lsn());
        }
        syncs++;                              // fsync
        durableLsn = Math.max(durableLsn, max);
        for (LogRecord r : batch) r.complete();
        return true;
    }

    public void close() { closed = true; }

    public long durableLsn() { return durableLsn; }

    public long syncedBytes() { return syncedBytes.get(); }

    public long syncs() { return syncs; }
}
