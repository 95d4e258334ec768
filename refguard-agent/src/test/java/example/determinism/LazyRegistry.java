package example.determinism;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program whose enum fills a registry once, on first use, under its own lock: refguard leaves
 * enums alone between runs, so only the first run takes the filling steps. A warm-up, not a
 * non-determinism: the exploration must pass. {@link Counting} keeps counting in every run instead,
 * so every run differs from the one before: inconclusive.
 */
public final class LazyRegistry {

    private LazyRegistry() {}

    enum Registry {
        INSTANCE;

        private boolean filled;

        synchronized void fill() {
            if (!filled) {
                filled = true;
            }
        }

        boolean filled() {
            synchronized (this) {
                return filled;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger x = new AtomicInteger();
        Thread t =
                new Thread(
                        () -> {
                            if (!Registry.INSTANCE.filled()) {
                                Registry.INSTANCE.fill();
                            }
                            x.incrementAndGet();
                        },
                        "T");
        t.start();
        x.incrementAndGet();
        t.join();
        assert x.get() == 2;
    }

    /** Counts its runs in an enum: every run takes a step more than the one before. */
    public static final class Counting {
        enum Runs {
            COUNT;

            int seen;
        }

        public static void main(String[] args) throws InterruptedException {
            int runs = ++Runs.COUNT.seen;
            AtomicInteger x = new AtomicInteger();
            Thread t =
                    new Thread(
                            () -> {
                                for (int i = 0; i < runs; i++) {
                                    x.incrementAndGet();
                                }
                            },
                            "T");
            t.start();
            x.incrementAndGet();
            t.join();
        }
    }
}
