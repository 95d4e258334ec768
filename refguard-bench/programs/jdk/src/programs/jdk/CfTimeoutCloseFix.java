package programs.jdk;

import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;

public class CfTimeoutCloseFix {
    static class Conn {
        volatile boolean closed;
        final AtomicInteger misuse = new AtomicInteger();
        String query(String sql) {
            if (closed) misuse.incrementAndGet();
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
        // FIX: the connection is closed when the work itself ends; the caller times out on a copy
        work.whenComplete((v, e) -> conn.close());
        String r = work.copy().orTimeout(20, TimeUnit.MILLISECONDS)
                .exceptionally(e -> "fallback")
                .join();
        io.shutdown();
        io.awaitTermination(1, TimeUnit.MINUTES);
        if (conn.misuse.get() != 0) throw new AssertionError("query ran on a closed connection (result " + r + ")");
    }
}
