package programs.apps.wal.bug.log;

import java.util.concurrent.CompletableFuture;

public final class LogRecord {
    final long lsn;
    final byte[] payload;
    final CompletableFuture<Long> durable = new CompletableFuture<>();

    LogRecord(long lsn, byte[] payload) {
        this.lsn = lsn;
        this.payload = payload;
    }

    public long lsn() { return lsn; }

    public int size() { return payload.length; }

    public void complete() { durable.complete(lsn); }
}
