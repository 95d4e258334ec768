package programs.apps.meter.bug.main;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import programs.apps.meter.bug.billing.UsageExporter;
import programs.apps.meter.bug.limit.RateLimiter;

/** Two API gateways admit requests of one tenant; every admitted request must be billed exactly once. */
public final class Main {
    public static void main(String[] args) throws Exception {
        RateLimiter limiter = new RateLimiter(1000);
        ScheduledExecutorService ses = Executors.newScheduledThreadPool(1);
        ses.scheduleAtFixedRate(limiter::resetWindow, 1, 1, TimeUnit.SECONDS);
        UsageExporter exporter = new UsageExporter(limiter);
        exporter.start(ses, 2);

        AtomicLong admitted = new AtomicLong();
        Thread[] gateways = new Thread[2];
        for (int g = 0; g < gateways.length; g++) {
            gateways[g] = new Thread(() -> {
                try {
                    for (int r = 0; r < 4; r++) {
                        if (limiter.tryAdmit("acme")) admitted.incrementAndGet();
                        Thread.sleep(1);               // next request arrives
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gateway-" + g);
            gateways[g].start();
        }
        for (Thread t : gateways) t.join();
        exporter.stop();
        ses.shutdown();
        if (!ses.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new AssertionError("exporter did not stop");
        }
        if (exporter.billed() != admitted.get()) {
            throw new AssertionError("admitted " + admitted + " requests but billed " + exporter.billed());
        }
    }
}
