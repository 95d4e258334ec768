package programs.jdk;

import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

/** A query with a deadline; the connection is closed when the caller's (timed) future completes. */
public class CfTimeoutCloseBug {
    static class Conn {
        volatile boolean closed;
        final AtomicInteger misuse = new AtomicInteger();
        String query(String sql) {
            if (closed) misuse.incrementAndGet();   // a real driver would throw / corrupt the pooled session
            return "rows of " + sql;
        }
        void close() { closed = true; }
    }

    public static void main(String[] args) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(1);
        Conn conn = new Conn();
        CompletableFuture<String> work = CompletableFuture.supplyAsync(() -> {
            String a = conn.query("select 1");
            String b = conn.query("select 2");
            return a + b;
        }, io);
        // BUG: orTimeout returns the same future; on timeout the close runs while the query still uses conn
        String r = work.orTimeout(20, TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> conn.close())
                .exceptionally(e -> "fallback")
                .join();
        io.shutdown();
        io.awaitTermination(1, TimeUnit.MINUTES);
        if (conn.misuse.get() != 0) throw new AssertionError("query ran on a closed connection (result " + r + ")");
    }
}
