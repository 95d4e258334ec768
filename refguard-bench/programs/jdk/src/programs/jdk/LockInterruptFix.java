package programs.jdk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

public class LockInterruptFix {
    static final ReentrantLock lock = new ReentrantLock();
    static int processed;

    static void work() {
        for (int item = 0; item < 2 && !Thread.currentThread().isInterrupted(); item++) {
            try {
                lock.lockInterruptibly();                 // FIX: lock outside the try that unlocks
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                processed++;
            } finally {
                lock.unlock();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            ts[i] = new Thread(LockInterruptFix::work, "worker-" + i);
            ts[i].setUncaughtExceptionHandler((t, e) -> errors.add(e));
            ts[i].start();
        }
        ts[0].join();
        ts[2].interrupt();
        for (Thread t : ts) t.join();
        if (!errors.isEmpty()) throw new AssertionError("a worker died: " + errors.get(0));
    }
}
