package example.cli;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program whose enum keeps a count from run to run: refguard re-initializes the program's
 * classes' statics in every run, but leaves enums alone, so every third run takes an extra step and
 * runs of the same schedule differ. Inconclusive, not a bug.
 */
public final class RemembersRuns {

    private RemembersRuns() {}

    /** State kept between runs, in a class whose statics refguard does not reset. */
    enum Runs {
        COUNT;

        int seen;
    }

    public static void main(String[] args) throws InterruptedException {
        int run = ++Runs.COUNT.seen;
        AtomicInteger x = new AtomicInteger();
        Thread t =
                new Thread(
                        () -> {
                            if (run % 3 == 0) {
                                x.incrementAndGet();
                            }
                            x.incrementAndGet();
                        },
                        "T");
        t.start();
        x.incrementAndGet();
        t.join();
    }
}
