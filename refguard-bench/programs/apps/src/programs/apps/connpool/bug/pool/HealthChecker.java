package programs.apps.connpool.bug.pool;

import java.util.concurrent.TimeUnit;
import programs.apps.connpool.bug.net.Connection;

/** Validates connections reported as suspect and evicts the dead ones. */
public final class HealthChecker implements Runnable {
    private final ConnectionPool pool;
    private volatile boolean running = true;

    public HealthChecker(ConnectionPool pool) { this.pool = pool; }

    @Override
    public void run() {
        try {
            while (running || !pool.suspects().isEmpty()) {
                Connection c = pool.suspects().poll(20, TimeUnit.MILLISECONDS);
                if (c != null) {
                    pool.evictStale(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() { running = false; }
}
