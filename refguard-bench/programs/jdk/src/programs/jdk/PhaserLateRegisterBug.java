package programs.jdk;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;

/** Workers join a phaser; the coordinator waits for phase 0 to advance and then reads their parts. */
public class PhaserLateRegisterBug {
    public static void main(String[] args) {
        Phaser phaser = new Phaser(1);                  // the coordinator
        Queue<String> parts = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 3; i++) {
            int id = i;
            new Thread(() -> {
                phaser.register();                      // BUG: registers from the worker, maybe after phase 0 advanced
                parts.add("part-" + id);
                phaser.arriveAndDeregister();
            }, "worker-" + i).start();
        }
        long checksum = 0;
        for (int k = 0; k < 100_000; k++) checksum += k;  // the coordinator's own share of the work
        phaser.arriveAndAwaitAdvance();
        if (parts.size() != 3) throw new AssertionError("phase advanced with " + parts.size() + " of 3 parts (" + checksum + ")");
    }
}
