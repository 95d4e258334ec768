package programs.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A client waits (with a deadline) for a connection to come up; the connector signals when it is up. */
public class CondSignalBug {
    static final ReentrantLock lock = new ReentrantLock();
    static final Condition up = lock.newCondition();
    static volatile String session;

    public static void main(String[] args) throws Exception {
        Thread connector = new Thread(() -> {
            session = "session-7";
            lock.lock();
            try { up.signalAll(); } finally { lock.unlock(); }
        }, "connector");
        connector.start();
        lock.lock();
        try {
            boolean signalled = up.await(500, TimeUnit.MILLISECONDS);   // BUG: no state check: a signal sent
            if (!signalled) throw new AssertionError("connect timed out");  // before we wait is lost
        } finally {
            lock.unlock();
        }
        connector.join();
    }
}
