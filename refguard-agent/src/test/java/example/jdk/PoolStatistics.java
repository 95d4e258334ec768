package example.jdk;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Casts what {@code Executors} documents as a {@code ThreadPoolExecutor} to one, as programs do to
 * read its statistics or set its policies: a fixed pool polled with {@code getCompletedTaskCount}
 * until its two tasks ran, then asked how many threads are active and were ever live; a cached
 * pool; a scheduled pool told to remove cancelled tasks. {@code Wrapped} hands a scheduled pool to
 * the JDK's unconfigurable wrapper, which calls it from code refguard does not instrument.
 */
public final class PoolStatistics {

    public static void main(String[] args) throws InterruptedException {
        ThreadPoolExecutor fixed = (ThreadPoolExecutor) Executors.newFixedThreadPool(2);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            fixed.execute(ran::incrementAndGet);
        }
        while (fixed.getCompletedTaskCount() < 2) {
            Thread.sleep(1);
        }
        if (ran.get() != 2 || fixed.getActiveCount() != 0 || fixed.getLargestPoolSize() > 2) {
            throw new AssertionError(
                    ran.get()
                            + " ran, "
                            + fixed.getActiveCount()
                            + " active, at most "
                            + fixed.getLargestPoolSize()
                            + " threads");
        }
        fixed.shutdown();
        ThreadPoolExecutor cached = (ThreadPoolExecutor) Executors.newCachedThreadPool();
        cached.shutdown();
        ScheduledThreadPoolExecutor timer =
                (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
        timer.setRemoveOnCancelPolicy(true);
        timer.shutdown();
        if (!fixed.awaitTermination(1, TimeUnit.SECONDS)
                || !cached.awaitTermination(1, TimeUnit.SECONDS)
                || !timer.awaitTermination(1, TimeUnit.SECONDS)) {
            throw new AssertionError("a pool did not terminate");
        }
        if (fixed.getTaskCount() != 2) {
            throw new AssertionError(ran.get() + " ran, " + fixed.getTaskCount() + " tasks");
        }
    }

    /** A scheduled pool behind the JDK's wrapper, which only delegates. */
    public static final class Wrapped {
        public static void main(String[] args) throws Exception {
            ScheduledThreadPoolExecutor timer =
                    (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
            int one = Executors.unconfigurableScheduledExecutorService(timer).submit(() -> 1).get();
            timer.shutdown();
            if (one != 1 || !timer.awaitTermination(1, TimeUnit.SECONDS)) {
                throw new AssertionError(one + ", terminated: " + timer.isTerminated());
            }
        }

        private Wrapped() {}
    }

    private PoolStatistics() {}
}
