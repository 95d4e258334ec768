package example.jdk;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A connection closed by time instead of by the end of the work that uses it: a worker runs two
 * queries while the connection is closed after a short sleep of the main thread ({@link
 * SleepStandsForWork}) or by a task scheduled 10 ms later ({@link ScheduledClose}). If the worker's
 * work takes longer than that time, a query runs on the closed connection. The fixes wait for the
 * worker to finish before closing.
 */
public final class SlowWork {

    private SlowWork() {}

    static volatile boolean closed;

    static void query() {
        if (closed) {
            throw new IllegalStateException("query on a closed connection");
        }
    }

    static Thread worker() {
        Thread t =
                new Thread(
                        () -> {
                            query();
                            query();
                        },
                        "worker");
        t.start();
        return t;
    }

    /** The main thread sleeps 5 ms, as if that were long enough for the worker, then closes. */
    public static final class SleepStandsForWork {
        private SleepStandsForWork() {}

        public static void main(String[] args) throws InterruptedException {
            closed = false;
            Thread worker = worker();
            Thread.sleep(5);
            closed = true;
            worker.join();
        }

        /** The fix: the main thread joins the worker before it closes. */
        public static final class Fixed {
            private Fixed() {}

            public static void main(String[] args) throws InterruptedException {
                closed = false;
                Thread worker = worker();
                Thread.sleep(5);
                worker.join();
                closed = true;
            }
        }
    }

    /** A task scheduled 10 ms later closes the connection. */
    public static final class ScheduledClose {
        private ScheduledClose() {}

        public static void main(String[] args) throws InterruptedException {
            closed = false;
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            Thread worker = worker();
            timer.schedule(() -> closed = true, 10, TimeUnit.MILLISECONDS);
            worker.join();
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.MINUTES);
        }

        /** The fix: the close is scheduled once the worker is done. */
        public static final class Fixed {
            private Fixed() {}

            public static void main(String[] args) throws InterruptedException {
                closed = false;
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                Thread worker = worker();
                worker.join();
                timer.schedule(() -> closed = true, 10, TimeUnit.MILLISECONDS);
                timer.shutdown();
                timer.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
    }
}
