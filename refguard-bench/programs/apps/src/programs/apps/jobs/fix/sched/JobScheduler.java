package programs.apps.jobs.fix.sched;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import programs.apps.jobs.fix.job.Job;
import programs.apps.jobs.fix.job.JobStats;

/** Runs jobs on a bounded pool; jobs can be cancelled by id; inFlight drives back-pressure. */
public final class JobScheduler {
    private final ThreadPoolExecutor pool =
            new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    private final ConcurrentHashMap<Long, FutureTask<Void>> handles = new ConcurrentHashMap<>();
    private final JobStats stats = new JobStats();
    private final ConcurrentHashMap<Long, AtomicBoolean> claims = new ConcurrentHashMap<>();

    public void submit(Job job) {
        stats.inFlight.incrementAndGet();
        AtomicBoolean claimed = new AtomicBoolean();
        claims.put(job.id(), claimed);
        FutureTask<Void> task = new FutureTask<>(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return null;                       // cancel() claimed it first and accounted for it
            }
            try {
                job.run();
                stats.finished.incrementAndGet();
            } finally {
                stats.inFlight.decrementAndGet();
                handles.remove(job.id());
                claims.remove(job.id());
            }
            return null;
        });
        handles.put(job.id(), task);
        pool.execute(task);
    }

    /** Cancels a job that has not finished; returns whether it was cancelled. */
    public boolean cancel(long id) {
        FutureTask<Void> task = handles.remove(id);
        AtomicBoolean claimed = claims.remove(id);
        if (task != null && claimed != null && claimed.compareAndSet(false, true)) {   // a running job is not cancelled
            task.cancel(false);
            stats.inFlight.decrementAndGet();      // it will never run its finally
            stats.cancelled.incrementAndGet();
            return true;
        }
        return false;
    }

    public boolean shutdownAndWait(long timeoutMs) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public JobStats stats() { return stats; }
}
