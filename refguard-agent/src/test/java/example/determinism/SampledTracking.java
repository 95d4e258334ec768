package example.determinism;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A buffer pool that tracks one allocation in four, drawn from {@code ThreadLocalRandom} as leak
 * detectors sample, and takes a lock for each tracked one: whether a run takes the tracking steps
 * depends on the draws, so unless the draws repeat with the schedule, two runs of it differ. Two
 * threads allocate; the exploration must pass. {@link Reported} fails in every run with a message
 * that shows the draws (also of {@code Math.random()} and of a generator the program seeded).
 */
public final class SampledTracking {

    private SampledTracking() {}

    static final Object TRACKED_LOCK = new Object();
    static final List<Integer> TRACKED = new ArrayList<>();

    static void allocate(int id) {
        if (ThreadLocalRandom.current().nextInt(4) == 0) {
            synchronized (TRACKED_LOCK) {
                TRACKED.add(id);
            }
        }
    }

    static Thread allocator(int from) {
        return new Thread(
                () -> {
                    for (int i = 0; i < 4; i++) {
                        allocate(from + i);
                    }
                });
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = allocator(0);
        Thread b = allocator(100);
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** Fails with the draws in its message. */
    public static final class Reported {
        private Reported() {}

        public static void main(String[] args) throws InterruptedException {
            long[] drawn = new long[1];
            Thread t = new Thread(() -> drawn[0] = ThreadLocalRandom.current().nextLong(1_000_000));
            t.start();
            t.join();
            throw new IllegalStateException(
                    "drawn "
                            + drawn[0]
                            + ", "
                            + ThreadLocalRandom.current().nextInt(1_000_000)
                            + ", "
                            + (int) (Math.random() * 1_000_000)
                            + ", seeded "
                            + new Random(42).nextInt(1_000_000));
        }
    }
}
