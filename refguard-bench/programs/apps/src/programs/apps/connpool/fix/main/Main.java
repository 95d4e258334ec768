package programs.apps.connpool.fix.main;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import programs.apps.connpool.fix.net.Connection;
import programs.apps.connpool.fix.pool.ConnectionPool;
import programs.apps.connpool.fix.pool.HealthChecker;
import programs.apps.connpool.fix.pool.PoolTimeoutException;

/** 120 request handlers share a pool of 4 connections; each connection serves 3 statements. */
public final class Main {
    static final int CLIENTS = 120;

    public static void main(String[] args) throws Exception {
        ConnectionPool pool = new ConnectionPool(4, 3);
        HealthChecker checker = new HealthChecker(pool);
        Thread checkerThread = new Thread(checker, "health-checker");
        checkerThread.setDaemon(true);
        checkerThread.start();

        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            final int id = i;
            Thread t = new Thread(() -> {
                try {
                    Connection c = pool.borrow(500);
                    try {
                        c.query("SELECT * FROM orders WHERE customer = " + id);
                        served.incrementAndGet();
                    } finally {
                        pool.giveBack(c);
                    }
                } catch (PoolTimeoutException e) {
                    timedOut.incrementAndGet();   // the client retries later: acceptable
                } catch (Throwable t2) {
                    errors.add(t2);
                }
            }, "client-" + i);
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) t.join();
        checker.stop();
        checkerThread.join(1000);

        if (!errors.isEmpty()) {
            throw new AssertionError(errors.size() + " requests failed, first: " + errors.peek(), errors.peek());
        }
        if (served.get() + timedOut.get() != CLIENTS) {
            throw new AssertionError("requests unaccounted for: " + served + " + " + timedOut);
        }
    }
}
