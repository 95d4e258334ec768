package example.arrays;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Per-level compaction counters in a shared plain {@code int[]}, bumped by two compaction threads.
 * {@code levels[1]++} reads the element and then writes it back, so when both threads read before
 * either writes, one compaction is lost. The fixes bump under the array's monitor, or keep the
 * counters in an {@link AtomicIntegerArray}.
 */
public final class LevelCounters {

    static final int[] levels = new int[4];

    private LevelCounters() {}

    static void compact() {
        levels[1]++; // site: bump
    }

    static void check(int compactions) {
        if (compactions != 2) {
            throw new AssertionError("level 1 compactions: " + compactions); // site: check
        }
    }

    static void twoThreads(Runnable compact) throws InterruptedException {
        Thread a = new Thread(compact, "compact-a");
        Thread b = new Thread(compact, "compact-b");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    public static void main(String[] args) throws InterruptedException {
        twoThreads(LevelCounters::compact);
        check(levels[1]);
    }

    /** The fix: the bump under the array's monitor. */
    public static final class Fixed {
        static final int[] levels = new int[4];

        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            twoThreads(
                    () -> {
                        synchronized (levels) {
                            levels[1]++;
                        }
                    });
            check(levels[1]);
        }
    }

    /** The other fix: an atomic array, whose increment is one step. */
    public static final class Atomic {
        static final AtomicIntegerArray levels = new AtomicIntegerArray(4);

        private Atomic() {}

        public static void main(String[] args) throws InterruptedException {
            twoThreads(() -> levels.incrementAndGet(1));
            check(levels.get(1));
        }
    }
}
