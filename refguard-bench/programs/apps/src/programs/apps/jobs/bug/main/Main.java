package programs.apps.jobs.bug.main;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import programs.apps.jobs.bug.job.Job;
import programs.apps.jobs.bug.job.JobStats;
import programs.apps.jobs.bug.sched.JobScheduler;

/** An admin thread cancels one compaction while the scheduler works through the queue. */
public final class Main {
    public static void main(String[] args) throws Exception {
        JobScheduler scheduler = new JobScheduler();
        AtomicInteger compacted = new AtomicInteger();
        CountDownLatch submitted = new CountDownLatch(1);

        Thread admin = new Thread(() -> {
            try {
                submitted.await();
                scheduler.cancel(4);            // the operator changes their mind about partition 4
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "admin");
        admin.start();

        for (long id = 1; id <= 4; id++) {
            scheduler.submit(new Job(id, compacted));
        }
        submitted.countDown();
        admin.join();
        if (!scheduler.shutdownAndWait(5000)) {
            throw new AssertionError("jobs did not finish");
        }

        JobStats s = scheduler.stats();
        if (s.inFlight.get() != 0 || s.finished.get() + s.cancelled.get() != 4) {
            throw new AssertionError("job accounting broken: " + s + " compacted=" + compacted);
        }
    }
}
