package programs.jdk;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;

public class PhaserLateRegisterFix {
    public static void main(String[] args) {
        Phaser phaser = new Phaser(1);
        Queue<String> parts = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 3; i++) {
            int id = i;
            phaser.register();                          // FIX: register before the worker starts
            new Thread(() -> {
                parts.add("part-" + id);
                phaser.arriveAndDeregister();
            }, "worker-" + i).start();
        }
        long checksum = 0;
        for (int k = 0; k < 100_000; k++) checksum += k;
        phaser.arriveAndAwaitAdvance();
        if (parts.size() != 3) throw new AssertionError("phase advanced with " + parts.size() + " of 3 parts (" + checksum + ")");
    }
}
