package fj;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A beat every 2 s on a ForkJoinPool (JDK 25's scheduleAtFixedRate), counted after 8 s: the fifth
 * beat is due at the same moment as the caller wakes, and where the caller goes first it counts
 * four. The fix waits 9 s. (Periods and sleeps longer than 1 s are margins that never end before
 * the other threads' work; a shorter sleep could end before the beats ran, as if they were slow.)
 */
public final class PoolBeats {

    static void run(long sleepMillis) throws InterruptedException {
        ForkJoinPool pool = new ForkJoinPool(2);
        AtomicInteger beats = new AtomicInteger();
        ScheduledFuture<?> beat =
                pool.scheduleAtFixedRate(beats::incrementAndGet, 0, 2_000, TimeUnit.MILLISECONDS);
        Thread.sleep(sleepMillis);
        beat.cancel(false);
        pool.shutdown();
        if (beats.get() != 5) {
            throw new AssertionError("counted " + beats.get() + " beats, expected 5");
        }
    }

    private PoolBeats() {}

    public static void main(String[] args) throws InterruptedException {
        run(8_000);
    }

    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(9_000);
        }
    }
}
