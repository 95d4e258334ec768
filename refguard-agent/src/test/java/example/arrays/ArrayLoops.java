package example.arrays;

/**
 * Programs that touch arrays many times, to show what their accesses cost the explorer: a loop over
 * an array of its own in each of two threads that run side by side, loops that run while no other
 * thread can, and a thread that spins on an array element without yielding until another thread
 * sets it.
 */
public final class ArrayLoops {

    private ArrayLoops() {}

    /** {@code 2 * n} accesses of one array: fill, then sum. */
    static long fillAndSum(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i % 7;
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum;
    }

    static volatile long sink;

    /** Two threads loop over arrays of their own at the same time. */
    public static final class SideBySide {
        private SideBySide() {}

        public static void main(String[] args) throws InterruptedException {
            Thread a = new Thread(() -> sink = fillAndSum(20_000), "a");
            Thread b = new Thread(() -> sink = fillAndSum(20_000), "b");
            a.start();
            b.start();
            a.join();
            b.join();
        }
    }

    /**
     * The loops run while no other thread can: main before it starts a thread, and after it has
     * joined it.
     */
    public static final class Alone {
        private Alone() {}

        public static void main(String[] args) throws InterruptedException {
            sink = fillAndSum(500_000);
            Thread w = new Thread(() -> sink = 1, "worker");
            w.start();
            w.join();
            sink = fillAndSum(500_000);
        }
    }

    /**
     * A thread waits for a flag in an array element, reading it with no scheduling point of its
     * own.
     */
    public static final class SpinOnElement {
        static final int[] flags = new int[1];

        private SpinOnElement() {}

        public static void main(String[] args) throws InterruptedException {
            Thread waiter =
                    new Thread(
                            () -> {
                                while (flags[0] == 0) {
                                    // spins: no yield, no other point
                                }
                            },
                            "waiter");
            waiter.start();
            flags[0] = 1;
            waiter.join();
        }
    }
}
