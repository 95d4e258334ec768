package programs.jdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/** Three workers process items under a lock; the coordinator cancels worker 2 with an interrupt. */
public class LockInterruptBug {
    static final ReentrantLock lock = new ReentrantLock();
    static int processed;

    static void work() {
        for (int item = 0; item < 2 && !Thread.currentThread().isInterrupted(); item++) {
            try {
                lock.lockInterruptibly();                 // BUG: inside the try whose finally unlocks
                processed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();                            // IllegalMonitorStateException when lock was never taken
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            ts[i] = new Thread(LockInterruptBug::work, "worker-" + i);
            ts[i].setUncaughtExceptionHandler((t, e) -> errors.add(e));
            ts[i].start();
        }
        ts[0].join();
        ts[2].interrupt();                                // cancel the last worker
        for (Thread t : ts) t.join();
        if (!errors.isEmpty()) throw new AssertionError("a worker died: " + errors.get(0));
    }
}
