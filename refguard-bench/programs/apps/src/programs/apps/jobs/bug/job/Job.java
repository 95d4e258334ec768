package programs.apps.jobs.bug.job;

import java.util.concurrent.atomic.AtomicInteger;

/** A unit of background work: compacts one partition. */
public final class Job {
    private final long id;
    private final AtomicInteger compacted;

    public Job(long id, AtomicInteger compacted) {
        this.id = id;
        this.compacted = compacted;
    }

    public long id() { return id; }

    public void run() {
        int rows = 0;
        for (int i = 0; i < 50; i++) rows += i % 7;      // the work itself
        if (rows >= 0) compacted.incrementAndGet();
    }
}
