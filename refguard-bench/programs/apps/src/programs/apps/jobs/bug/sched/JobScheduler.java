package programs.apps.jobs.bug.sched;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import programs.apps.jobs.bug.job.Job;
import programs.apps.jobs.bug.job.JobStats;

/** Runs jobs on a bounded pool; jobs can be cancelled by id; inFlight drives back-pressure. */
public final class JobScheduler {
    private final ThreadPoolExecutor pool =
            new ThreadPoolExecutor(2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    private final ConcurrentHashMap<Long, FutureTask<Void>> handles = new ConcurrentHashMap<>();
    private final JobStats stats = new JobStats();

    public void submit(Job job) {
        stats.inFlight.incrementAndGet();
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                job.run();
                stats.finished.incrementAndGet();
            } finally {
                stats.inFlight.decrementAndGet();
                handles.remove(job.id());
            }
            return null;
        });
        handles.put(job.id(), task);
        pool.execute(task);
    }

    /** Cancels a job that has not finished; returns whether it was cancelled. */
    public boolean cancel(long id) {
        FutureTask<Void> task = handles.remove(id);
        if (task != null && task.cancel(false)) {
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
