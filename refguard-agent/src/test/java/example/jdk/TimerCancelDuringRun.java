package example.jdk;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * A compaction task on a {@code Timer} writes to a segment that the main thread closes after
 * cancelling the task. {@code TimerTask.cancel()} stops a one-shot task only if its run has not
 * begun: the timer thread marks the task executed before it runs it, and cancel then returns false.
 * The buggy version ignores the result and closes the segment under a running task; the fix waits
 * for the run when cancel could not prevent it.
 */
public final class TimerCancelDuringRun {

    static final class Segment {
        volatile boolean closed;

        void write() {
            if (closed) {
                throw new IllegalStateException("write to a closed segment");
            }
        }
    }

    static void run(boolean waitIfRunning) throws InterruptedException {
        Segment segment = new Segment();
        Timer timer = new Timer("compactor", true);
        CountDownLatch ran = new CountDownLatch(1);
        TimerTask compact =
                new TimerTask() {
                    @Override
                    public void run() {
                        try {
                            if (!segment.closed) {
                                segment.write();
                            }
                        } finally {
                            ran.countDown();
                        }
                    }
                };
        timer.schedule(compact, 0);
        boolean prevented = compact.cancel();
        if (!prevented && waitIfRunning) {
            ran.await();
        }
        segment.closed = true;
        timer.cancel();
    }

    private TimerCancelDuringRun() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: when cancel could not stop the run, wait for it to end. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
