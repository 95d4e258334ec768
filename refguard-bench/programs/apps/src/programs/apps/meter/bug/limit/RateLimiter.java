package programs.apps.meter.bug.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-tenant quota; admitted requests are counted in usage for the billing exporter. */
public final class RateLimiter {
    private final int quota;
    private final ConcurrentHashMap<String, Integer> inWindow = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> usage = new ConcurrentHashMap<>();
    private final AtomicLong rejected = new AtomicLong();

    public RateLimiter(int quota) { this.quota = quota; }

    public boolean tryAdmit(String tenant) {
        int[] granted = new int[1];
        inWindow.compute(tenant, (t, n) -> {
            int used = n == null ? 0 : n;
            if (used >= quota) return used;
            granted[0] = 1;
            return used + 1;
        });
        if (granted[0] == 0) {
            rejected.incrementAndGet();
            return false;
        }
        usage.merge(tenant, 1L, Long::sum);
        return true;
    }

    /** Starts a new quota window. */
    public void resetWindow() { inWindow.clear(); }

    public ConcurrentHashMap<String, Long> usage() { return usage; }

    public long rejected() { return rejected.get(); }
}
