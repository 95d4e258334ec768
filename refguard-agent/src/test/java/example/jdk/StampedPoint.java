package example.jdk;

import java.util.concurrent.locks.StampedLock;

/**
 * A point whose coordinates are always equal, guarded by a {@code StampedLock}. The reader uses an
 * optimistic read and forgets to {@code validate} it, so it may see a half-written move. The fix
 * validates and falls back to a read lock.
 */
public final class StampedPoint {

    static final class Point {
        private final StampedLock lock = new StampedLock();
        private volatile int x;
        private volatile int y;

        void move(int to) {
            long stamp = lock.writeLock(); // site: write
            try {
                x = to;
                y = to;
            } finally {
                lock.unlockWrite(stamp);
            }
        }

        int[] read(boolean validate) {
            long stamp = lock.tryOptimisticRead();
            int cx = x;
            int cy = y;
            if (validate && !lock.validate(stamp)) {
                stamp = lock.readLock();
                try {
                    cx = x;
                    cy = y;
                } finally {
                    lock.unlockRead(stamp);
                }
            }
            return new int[] {cx, cy};
        }
    }

    static void run(boolean validate) throws InterruptedException {
        Point p = new Point();
        Thread writer = new Thread(() -> p.move(1), "writer");
        Thread reader =
                new Thread(
                        () -> {
                            int[] xy = p.read(validate);
                            if (xy[0] != xy[1]) {
                                throw new AssertionError("read (" + xy[0] + ", " + xy[1] + ")");
                            }
                        },
                        "reader");
        writer.start();
        reader.start();
        Thread second = new Thread(() -> p.move(2), "writer2");
        second.start();
        writer.join();
        reader.join();
        second.join();
    }

    private StampedPoint() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: validate the optimistic read. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
