package example.jdk;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A heartbeat scheduled every 100 ms on a scheduled executor, while the main thread bumps the same
 * counter once and then sleeps 350 ms: on the virtual clock the beats at 0, 100, 200 and 300 ms
 * come first unless the threads are slow (then fewer or more beats fire), and nothing really waits.
 * The count must be the beats that fired, plus the main thread's bump. The buggy counter is a read
 * then a write of a volatile field, so the main thread's bump and the first beat can lose one. The
 * fix counts with an {@code AtomicInteger}.
 */
public final class ScheduledBeats {

    static volatile int beats;

    static void run(boolean atomic) throws InterruptedException {
        beats = 0;
        AtomicInteger atomicBeats = new AtomicInteger();
        Runnable bump =
                () -> {
                    if (atomic) {
                        atomicBeats.incrementAndGet();
                    } else {
                        beats = beats + 1; // site: bump
                    }
                };
        AtomicInteger fired = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> heartbeat =
                timer.scheduleAtFixedRate(
                        () -> {
                            fired.incrementAndGet();
                            bump.run();
                        },
                        0,
                        100,
                        TimeUnit.MILLISECONDS);
        bump.run();
        long start = System.nanoTime();
        Thread.sleep(350);
        long slept = System.nanoTime() - start;
        heartbeat.cancel(false);
        timer.shutdown();
        if (!timer.awaitTermination(1, TimeUnit.SECONDS)) {
            throw new AssertionError("the scheduler did not stop");
        }
        if (slept < TimeUnit.MILLISECONDS.toNanos(350)) {
            throw new AssertionError("slept only " + slept + " ns");
        }
        int n = atomic ? atomicBeats.get() : beats;
        int expected = fired.get() + 1;
        if (n != expected) {
            throw new AssertionError("counted " + n + " beats, expected " + expected);
        }
    }

    private ScheduledBeats() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: an atomic counter. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
