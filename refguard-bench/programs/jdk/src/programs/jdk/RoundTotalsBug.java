package programs.jdk;

import java.util.concurrent.Phaser;

/** Two workers add their part of each round to a total; the phaser's onAdvance checks the
 *  round's total and starts the next one, ending after three rounds. */
public class RoundTotalsBug {
    static int roundTotal;                            // BUG: both workers add to it unsynchronized

    public static void main(String[] args) throws Exception {
        Phaser rounds = new Phaser(2) {
            @Override protected boolean onAdvance(int phase, int parties) {
                if (roundTotal != 2) throw new AssertionError("round " + phase + " totalled " + roundTotal);
                roundTotal = 0;
                return phase >= 2;
            }
        };
        Runnable worker = () -> {
            while (!rounds.isTerminated()) {
                roundTotal++;
                rounds.arriveAndAwaitAdvance();
            }
        };
        Thread a = new Thread(worker, "worker-a"), b = new Thread(worker, "worker-b");
        a.start(); b.start(); a.join(); b.join();
    }
}
