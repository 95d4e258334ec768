package programs.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public class CondSignalFix {
    static final ReentrantLock lock = new ReentrantLock();
    static final Condition up = lock.newCondition();
    static String session;                                      // guarded by lock

    public static void main(String[] args) throws Exception {
        Thread connector = new Thread(() -> {
            lock.lock();
            try { session = "session-7"; up.signalAll(); } finally { lock.unlock(); }
        }, "connector");
        connector.start();
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(500);
            while (session == null) {                           // FIX: wait for the state, not for a signal
                if (nanos <= 0) throw new AssertionError("connect timed out");
                nanos = up.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
        connector.join();
    }
}
