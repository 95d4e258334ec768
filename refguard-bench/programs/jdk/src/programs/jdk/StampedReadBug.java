package programs.jdk;

import java.util.concurrent.locks.StampedLock;

/** A point moved along the diagonal (x == y always); readers use an optimistic read. */
public class StampedReadBug {
    static class Point {
        private double x, y;
        private final StampedLock sl = new StampedLock();

        void move(double d) {
            long s = sl.writeLock();
            try { x += d; y += d; } finally { sl.unlockWrite(s); }
        }

        double[] read() {
            long s = sl.tryOptimisticRead();
            double cx = x;
            if (!sl.validate(s)) {
                s = sl.readLock();
                try { cx = x; } finally { sl.unlockRead(s); }
            }
            double cy = y;                        // BUG: read after the validation
            return new double[] {cx, cy};
        }
    }

    public static void main(String[] args) throws Exception {
        Point p = new Point();
        Thread mover = new Thread(() -> { for (int i = 0; i < 3; i++) p.move(1); }, "mover");
        Runnable reader = () -> {
            for (int i = 0; i < 2; i++) {
                double[] c = p.read();
                if (c[0] != c[1]) throw new AssertionError("read (" + c[0] + ", " + c[1] + ") off the diagonal");
            }
        };
        Thread r1 = new Thread(reader, "reader-1"), r2 = new Thread(reader, "reader-2");
        mover.start(); r1.start(); r2.start();
        mover.join(); r1.join(); r2.join();
    }
}
