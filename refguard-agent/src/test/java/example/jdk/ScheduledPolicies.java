package example.jdk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduled pool's shutdown policies, set on the pool the program holds, by the mode in the first
 * argument (each a correct program):
 *
 * <ul>
 *   <li>{@code default}: a task delayed an hour still runs after {@code shutdown};
 *   <li>{@code dropDelayed}, {@code dropDelayedFront}: with {@code
 *       setExecuteExistingDelayedTasksAfterShutdownPolicy(false)} it does not, on a pool the
 *       program built or on the one {@code Executors.newScheduledThreadPool} returned;
 *   <li>{@code keepPeriodic}: with {@code
 *       setContinueExistingPeriodicTasksAfterShutdownPolicy(true)} a periodic task goes on after
 *       {@code shutdown}, three times, until {@code shutdownNow}.
 * </ul>
 */
public final class ScheduledPolicies {

    private ScheduledPolicies() {}

    public static void main(String[] args) throws InterruptedException {
        String mode = args[0];
        ScheduledThreadPoolExecutor pool =
                mode.endsWith("Front")
                        ? (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1)
                        : new ScheduledThreadPoolExecutor(1);
        AtomicInteger runs = new AtomicInteger();
        if (mode.equals("keepPeriodic")) {
            pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(true);
            CountDownLatch three = new CountDownLatch(3);
            pool.scheduleAtFixedRate(
                    () -> {
                        runs.incrementAndGet();
                        three.countDown();
                    },
                    0,
                    10,
                    TimeUnit.MILLISECONDS);
            pool.shutdown();
            three.await();
            pool.shutdownNow();
            return;
        }
        boolean drop = mode.startsWith("dropDelayed");
        if (drop) {
            pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        pool.schedule(runs::incrementAndGet, 1, TimeUnit.HOURS); // never before shutdown
        if (pool.getQueue().size() != 1 || pool.getTaskCount() != 1) {
            throw new AssertionError(
                    "queued " + pool.getQueue().size() + ", counted " + pool.getTaskCount());
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            throw new AssertionError("the pool did not terminate");
        }
        if (runs.get() != (drop ? 0 : 1)) {
            throw new AssertionError("the delayed task ran " + runs.get() + " times");
        }
    }
}
