package example.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
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
 * the JDK's unconfigurable wrapper, which calls it from code refguard does not instrument. {@code
 * Resized} grows a fixed pool after it was made, {@code Queued} looks into a pool's queue.
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

    /**
     * A fixed pool of one thread grown to two after it was made, whose two tasks meet at a barrier:
     * with one thread the second task would wait in the queue for ever.
     */
    public static final class Resized {
        public static void main(String[] args) throws Exception {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
            pool.setMaximumPoolSize(2);
            pool.setCorePoolSize(2);
            CyclicBarrier both = new CyclicBarrier(2);
            AtomicInteger met = new AtomicInteger();
            for (int i = 0; i < 2; i++) {
                pool.execute(
                        () -> {
                            try {
                                both.await();
                                met.incrementAndGet();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES) || met.get() != 2) {
                throw new AssertionError(met.get() + " tasks met at the barrier");
            }
        }

        private Resized() {}
    }

    /**
     * A pool of one busy thread with a second task in its queue: the queue's size, its remaining
     * capacity, and {@code remove} of the queued task, which then never runs.
     */
    public static final class Queued {
        public static void main(String[] args) throws Exception {
            ThreadPoolExecutor pool =
                    new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            pool.execute(
                    () -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
            Runnable second = ran::incrementAndGet;
            pool.execute(second);
            int queued = pool.getQueue().size();
            int room = pool.getQueue().remainingCapacity();
            boolean removed = pool.remove(second);
            release.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)
                    || queued != 1
                    || room != 3
                    || !removed
                    || ran.get() != 0) {
                throw new AssertionError(
                        queued
                                + " queued, room for "
                                + room
                                + ", removed: "
                                + removed
                                + ", ran "
                                + ran.get());
            }
        }

        private Queued() {}
    }

    private PoolStatistics() {}
}
