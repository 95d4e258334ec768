package example.jdk;

import java.util.concurrent.Phaser;

/**
 * Two workers run two rounds in step with a {@code Phaser}: each writes its slot for the round,
 * waits for the other with {@code arriveAndAwaitAdvance}, then reads the other's slot. The buggy
 * worker reads before waiting. The fix waits first.
 */
public final class PhaserRounds {

    static volatile int slotA;
    static volatile int slotB;

    static void run(boolean waitFirst) throws InterruptedException {
        slotA = 0;
        slotB = 0;
        Phaser phaser = new Phaser(2);
        Thread a =
                new Thread(
                        () -> {
                            for (int round = 1; round <= 2; round++) {
                                slotA = round;
                                phaser.arriveAndAwaitAdvance();
                                phaser.arriveAndAwaitAdvance(); // the other reads before the next
                                // round
                            }
                        },
                        "a");
        Thread b =
                new Thread(
                        () -> {
                            for (int round = 1; round <= 2; round++) {
                                slotB = round;
                                int seen;
                                if (waitFirst) {
                                    phaser.arriveAndAwaitAdvance();
                                    seen = slotA;
                                } else {
                                    seen = slotA; // site: early
                                    phaser.arriveAndAwaitAdvance();
                                }
                                if (seen != round) {
                                    throw new AssertionError(
                                            "round " + round + " saw a's slot " + seen);
                                }
                                phaser.arriveAndAwaitAdvance();
                            }
                        },
                        "b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private PhaserRounds() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: wait for the round, then read. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
