package programs.apps.meter.bug.billing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import programs.apps.meter.bug.limit.RateLimiter;

/** Every few ms moves the usage counted so far into the billing ledger. */
public final class UsageExporter {
    private final RateLimiter limiter;
    private final Map<String, Long> ledger = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    public UsageExporter(RateLimiter limiter) { this.limiter = limiter; }

    public void start(ScheduledExecutorService ses, long periodMs) {
        task = ses.scheduleAtFixedRate(this::export, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    public void export() {
        ConcurrentHashMap<String, Long> usage = limiter.usage();
        for (String tenant : usage.keySet()) {
            Long n = usage.get(tenant);
            if (n != null) {
                ledger.merge(tenant, n, Long::sum);
                usage.remove(tenant);
            }
        }
    }

    public void stop() {
        task.cancel(false);
        export();                               // the final partial period
    }

    public long billed() {
        long total = 0;
        for (long n : ledger.values()) total += n;
        return total;
    }
}
