package example.corpus;

import java.util.concurrent.Callable;

/**
 * Synchronized methods (instance and static), blocks, reentrancy, an exception leaving a block, a
 * block in a constructor, and two threads contending.
 */
public class Monitors implements Callable<Object> {
    private final Object lock = new Object();
    private int n; // guarded by lock
    private int m; // guarded by this

    public Monitors() {
        synchronized (lock) { // site: ctor-block
            n = 0;
        }
    }

    synchronized void incSync() {
        m++; // site: sync-method
    }

    static synchronized int twice(int x) {
        return 2 * x; // site: static-sync
    }

    void incBlock() {
        synchronized (lock) { // site: block
            n++;
        }
    }

    int nested() {
        synchronized (lock) { // site: outer
            synchronized (lock) { // site: inner
                return n;
            }
        }
    }

    int throwing() {
        try {
            synchronized (lock) { // site: throwing
                throw new IllegalStateException("thrown inside the block");
            }
        } catch (IllegalStateException e) {
            return Thread.holdsLock(lock) ? -1 : 1; // site: holds
        }
    }

    /** What {@link #throwing()} returned; public for tests. */
    public int probe;

    public void throwingProbe() {
        probe = throwing();
    }

    public int single() {
        incSync();
        incBlock();
        return nested();
    }

    @Override
    public Object call() throws InterruptedException {
        Runnable work =
                () -> {
                    for (int k = 0; k < 500; k++) {
                        incSync();
                        incBlock();
                    }
                };
        Thread t1 = new Thread(work);
        Thread t2 = new Thread(work);
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        return n + ":" + m + ":" + twice(21) + ":" + nested() + ":" + throwing();
    }
}
