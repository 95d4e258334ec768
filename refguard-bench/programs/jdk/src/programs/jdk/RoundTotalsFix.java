package programs.jdk;

import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;

/** Two workers add their part of each round to a total; the phaser's onAdvance checks the
 *  round's total and starts the next one, ending after three rounds. */
public class RoundTotalsFix {
    static final AtomicInteger roundTotal = new AtomicInteger();   // FIX: an atomic total

    public static void main(String[] args) throws Exception {
        Phaser rounds = new Phaser(2) {
            @Override protected boolean onAdvance(int phase, int parties) {
                int total = roundTotal.getAndSet(0);
                if (total != 2) throw new AssertionError("round " + phase + " totalled " + total);
                return phase >= 2;
            }
        };
        Runnable worker = () -> {
            while (!rounds.isTerminated()) {
                roundTotal.incrementAndGet();
                rounds.arriveAndAwaitAdvance();
            }
        };
        Thread a = new Thread(worker, "worker-a"), b = new Thread(worker, "worker-b");
        a.start(); b.start(); a.join(); b.join();
    }
}
