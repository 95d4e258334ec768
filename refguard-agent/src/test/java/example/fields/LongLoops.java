package example.fields;

/**
 * Long loops over plain fields. A worker counts to 200,000 in a field while the main thread may
 * still be on its way to {@code join} (so the worker does not run alone), then the main thread
 * loops alone over it: neither may spend the run's step budget. {@link LostCount}'s two workers
 * count to 1,000 each in one field, and an update is lost when their read-increment-writes
 * interleave. {@link Forever} loops alone for good, waiting for a flag nobody will set: that is
 * still a run without progress.
 */
public final class LongLoops {

    static final class Tally {
        int count;
    }

    private LongLoops() {}

    public static void main(String[] args) throws InterruptedException {
        Tally shared = new Tally();
        Thread worker =
                new Thread(
                        () -> {
                            for (int i = 0; i < 200_000; i++) {
                                shared.count++;
                            }
                        },
                        "worker");
        worker.start();
        worker.join();
        Tally mine = new Tally();
        for (int i = 0; i < 200_000; i++) {
            mine.count += shared.count & 1;
        }
        if (shared.count != 200_000) {
            throw new AssertionError("count " + shared.count);
        }
    }

    /** Two workers count in one plain field. */
    public static final class LostCount {
        static int count;

        public static void main(String[] args) throws InterruptedException {
            Runnable add =
                    () -> {
                        for (int i = 0; i < 1_000; i++) {
                            count++;
                        }
                    };
            Thread a = new Thread(add, "a");
            Thread b = new Thread(add, "b");
            a.start();
            b.start();
            a.join();
            b.join();
            if (count != 2_000) {
                throw new AssertionError("count " + count); // site: check
            }
        }
    }

    /** Waits alone for a plain flag that nothing sets. */
    public static final class Forever {
        static boolean ready;

        public static void main(String[] args) {
            while (!ready) {
                // nothing sets it
            }
        }
    }
}
