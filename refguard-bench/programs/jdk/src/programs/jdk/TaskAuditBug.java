package programs.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A pool that audits its tasks' failures in afterExecute, as ThreadPoolExecutor's hooks invite. */
public class TaskAuditBug {
    static final class AuditedPool extends ThreadPoolExecutor {
        final List<String> failures = new ArrayList<>();   // BUG: two workers add to it with no lock
        AuditedPool() { super(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>()); }
        @Override protected void afterExecute(Runnable task, Throwable thrown) {
            if (thrown == null && task instanceof Future<?> f) {
                try { f.get(); } catch (ExecutionException e) { thrown = e.getCause(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            if (thrown != null) failures.add(thrown.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        AuditedPool pool = new AuditedPool();
        pool.submit(() -> { throw new IllegalStateException("disk full"); });
        pool.submit(() -> { throw new IllegalStateException("checksum mismatch"); });
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) throw new AssertionError("pool did not stop");
        if (pool.failures.size() != 2) throw new AssertionError("audited " + pool.failures);
    }
}
