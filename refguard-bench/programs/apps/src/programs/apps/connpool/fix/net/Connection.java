package programs.apps.connpool.fix.net;

import java.util.concurrent.atomic.AtomicInteger;

/** A database connection; the server recycles it after a few statements. */
public final class Connection {
    private final int id;
    private final int maxStatements;
    private final AtomicInteger statements = new AtomicInteger();
    private volatile boolean closed;

    public Connection(int id, int maxStatements) {
        this.id = id;
        this.maxStatements = maxStatements;
    }

    public int query(String sql) {
        if (closed) {
            throw new IllegalStateException("connection " + id + " is closed (" + sql + ")");
        }
        return statements.incrementAndGet();
    }

    /** What a validation query would tell: the server is about to drop it. */
    public boolean isStale() { return statements.get() >= maxStatements; }

    public void close() { closed = true; }

    public int id() { return id; }
}
