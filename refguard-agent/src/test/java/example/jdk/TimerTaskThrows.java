package example.jdk;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * A config refresher runs on a {@code java.util.Timer} before the endpoint is configured, so its
 * task throws; an exception that escapes a timer task kills the timer's only thread, and the
 * snapshot task scheduled after it never runs. The fix catches the task's failure inside the task.
 */
public final class TimerTaskThrows {

    static volatile String endpoint;

    static void run(boolean catchInTask) throws InterruptedException {
        endpoint = null;
        Timer timer = new Timer("config", true);
        CountDownLatch snapshot = new CountDownLatch(1);
        timer.schedule(
                new TimerTask() {
                    @Override
                    public void run() {
                        try {
                            refresh();
                        } catch (IllegalStateException e) {
                            if (!catchInTask) {
                                throw e;
                            }
                        }
                    }
                },
                1);
        timer.schedule(
                new TimerTask() {
                    @Override
                    public void run() {
                        snapshot.countDown();
                    }
                },
                2);
        snapshot.await();
        timer.cancel();
    }

    static void refresh() {
        if (endpoint == null) {
            throw new IllegalStateException("refresh failed: no endpoint yet");
        }
    }

    private TimerTaskThrows() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: the task handles its own failure. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
