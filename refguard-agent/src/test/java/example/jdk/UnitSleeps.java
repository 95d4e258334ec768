package example.jdk;

import java.util.concurrent.TimeUnit;

/**
 * {@code TimeUnit}'s sleep, timed join and timed wait, each of which must wait on the explorer's
 * virtual clock: the clock the program reads must have moved by the whole timeout when each
 * returns, as it would have in real time. A real wait would leave the virtual clock behind.
 */
public final class UnitSleeps {

    private UnitSleeps() {}

    static void atLeast(long since, long millis, String what) {
        long passed = System.nanoTime() - since;
        if (passed < TimeUnit.MILLISECONDS.toNanos(millis)) {
            throw new AssertionError(what + " returned after " + passed + " ns");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Object monitor = new Object();
        Thread idle =
                new Thread(
                        () -> {
                            try {
                                TimeUnit.MILLISECONDS.sleep(20);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "idle");
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(5);
        atLeast(start, 5, "sleep");
        idle.start();
        start = System.nanoTime();
        TimeUnit.MILLISECONDS.timedJoin(idle, 1);
        atLeast(start, 1, "timedJoin");
        synchronized (monitor) {
            start = System.nanoTime();
            TimeUnit.MILLISECONDS.timedWait(monitor, 2);
            atLeast(start, 2, "timedWait");
        }
        idle.join();
    }
}
