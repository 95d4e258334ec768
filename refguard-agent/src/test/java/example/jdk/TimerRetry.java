package example.jdk;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request with a retry timer: the reply arrives on one thread after 100 ms, and a {@code Timer}
 * task fires after 100 ms too, to retry unless the reply came. The buggy version checks a plain
 * flag and then acts, so the reply and the retry can both go through. The fix claims the request
 * with a compare-and-set. The timer's delay passes on the virtual clock; it is cancelled at the
 * end.
 */
public final class TimerRetry {

    static volatile boolean done;

    static void run(boolean claim) throws InterruptedException {
        done = false;
        AtomicBoolean claimed = new AtomicBoolean();
        int[] outcomes = new int[1];
        Runnable finish =
                () -> {
                    boolean mine;
                    if (claim) {
                        mine = claimed.compareAndSet(false, true);
                    } else {
                        mine = !done; // site: check
                        done = true;
                    }
                    if (mine) {
                        synchronized (outcomes) {
                            outcomes[0]++;
                        }
                    }
                };
        Timer timer = new Timer("retry", true);
        timer.schedule(
                new TimerTask() {
                    @Override
                    public void run() {
                        finish.run();
                    }
                },
                100);
        Thread reply =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(100); // the reply takes as long as the retry delay
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            finish.run();
                        },
                        "reply");
        reply.start();
        reply.join();
        Thread.sleep(2_000); // a margin, longer than any short timeout: the retry has run by then
        timer.cancel();
        synchronized (outcomes) {
            if (outcomes[0] != 1) {
                throw new AssertionError(outcomes[0] + " outcomes for one request");
            }
        }
    }

    private TimerRetry() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: claim the request atomically. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
