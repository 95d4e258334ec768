package programs.apps.jobs.bug.job;

import java.util.concurrent.atomic.AtomicInteger;

public final class JobStats {
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger finished = new AtomicInteger();
    public final AtomicInteger cancelled = new AtomicInteger();

    @Override
    public String toString() {
        return "inFlight=" + inFlight + " finished=" + finished + " cancelled=" + cancelled;
    }
}
