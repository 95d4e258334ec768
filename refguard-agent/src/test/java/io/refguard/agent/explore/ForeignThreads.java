package io.refguard.agent.explore;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Threads outside any exploration, started by uninstrumented code (this class is never
 * instrumented): what a library's own background threads look like to the explorer. Each lives at
 * most {@link #LIFETIME_MILLIS}.
 */
public final class ForeignThreads {

    /** How long a foreign thread sleeps or holds its lock; far longer than the waits tested. */
    static final long LIFETIME_MILLIS = 3_000;

    private ForeignThreads() {}

    /** A started daemon thread that sleeps. */
    public static Thread sleeper() {
        Thread t = new Thread(ForeignThreads::sleep, "library-sleeper");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * A started daemon thread that runs {@code task}: a library's own worker running a callback.
     */
    public static Thread start(Runnable task) {
        Thread t = new Thread(task, "library-worker"); // site: created
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A lock that a started daemon thread holds while it sleeps. */
    public static ReentrantLock heldLock() {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        Thread t =
                new Thread(
                        () -> {
                            lock.lock();
                            try {
                                held.countDown();
                                sleep();
                            } finally {
                                lock.unlock();
                            }
                        },
                        "library-holder");
        t.setDaemon(true);
        t.start();
        try {
            held.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lock;
    }

    private static void sleep() {
        try {
            Thread.sleep(LIFETIME_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
