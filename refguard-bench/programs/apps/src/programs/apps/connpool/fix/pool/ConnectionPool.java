package programs.apps.connpool.fix.pool;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import programs.apps.connpool.fix.net.Connection;

/** At most maxSize connections in use; idle ones are kept most-recently-used first. */
public final class ConnectionPool {
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final BlockingQueue<Connection> suspects = new LinkedBlockingQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final int maxStatements;

    public ConnectionPool(int maxSize, int maxStatements) {
        this.permits = new Semaphore(maxSize, true);
        this.maxStatements = maxStatements;
    }

    public Connection borrow(long timeoutMs) throws PoolTimeoutException, InterruptedException {
        if (!permits.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new PoolTimeoutException("no connection within " + timeoutMs + " ms");
        }
        Connection c = idle.pollFirst();
        if (c == null) {
            c = new Connection(opened.incrementAndGet(), maxStatements);
        }
        return c;
    }

    public void giveBack(Connection c) {
        idle.offerFirst(c);
        if (c.isStale()) {
            suspects.offer(c);            // let the health checker validate it off the request path
        }
        permits.release();
    }

    /** Health checker: closes idle connections that failed validation. */
    public void evictStale(Connection c) {
        if (c.isStale() && idle.remove(c)) {   // removing it is what claims it: no client can borrow it now
            c.close();
            closed.incrementAndGet();
        }
    }

    public BlockingQueue<Connection> suspects() { return suspects; }

    public int idleCount() { return idle.size(); }

    public int openCount() { return opened.get() - closed.get(); }
}
