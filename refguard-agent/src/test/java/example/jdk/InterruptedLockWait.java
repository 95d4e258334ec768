package example.jdk;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Shutdown interrupts a flusher that waits, with {@code lockInterruptibly}, for a segment lock that
 * compaction holds until the flusher is gone. The interrupt ends the wait whether it comes before
 * or during it; the broken flusher then counts a flush that never happened. The fix counts only
 * flushes made under the lock.
 */
public final class InterruptedLockWait {

    static int flushed;

    static void flush(ReentrantLock segment, boolean countOnlyDone) {
        try {
            segment.lockInterruptibly();
        } catch (InterruptedException e) {
            if (!countOnlyDone) {
                flushed++;
            }
            return;
        }
        try {
            flushed++;
        } finally {
            segment.unlock();
        }
    }

    static void run(boolean countOnlyDone) throws InterruptedException {
        flushed = 0;
        ReentrantLock segment = new ReentrantLock();
        Thread flusher = new Thread(() -> flush(segment, countOnlyDone), "flusher");
        segment.lock();
        try {
            flusher.start();
            flusher.interrupt();
            flusher.join();
        } finally {
            segment.unlock();
        }
        if (flushed != 0) {
            throw new AssertionError("reported " + flushed + " flush that did not happen");
        }
    }

    private InterruptedLockWait() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: an interrupted wait is no flush. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
