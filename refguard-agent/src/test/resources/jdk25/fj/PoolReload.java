package fj;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A configuration reload scheduled 50 ms ahead on a ForkJoinPool (JDK 25's schedule), and a reader
 * that sleeps 50 ms and expects the new configuration: the reload and the wake-up are due
 * together. The fix waits for the reload's own future.
 */
public final class PoolReload {

    static void run(boolean waitForReload) throws InterruptedException, ExecutionException {
        ForkJoinPool pool = new ForkJoinPool(1);
        AtomicReference<String> config = new AtomicReference<>("old");
        ScheduledFuture<String> reload =
                pool.schedule(
                        () -> {
                            config.set("new");
                            return "reloaded";
                        },
                        50,
                        TimeUnit.MILLISECONDS);
        if (waitForReload) {
            if (!reload.get().equals("reloaded")) {
                throw new AssertionError("the reload's result is lost");
            }
        } else {
            Thread.sleep(50);
        }
        String seen = config.get();
        pool.shutdown();
        if (!seen.equals("new")) {
            throw new AssertionError("saw the " + seen + " configuration after the reload was due");
        }
    }

    private PoolReload() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
