package example.jdk;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A test harness's habit: start a thread, poll {@code getState()} until it waits where the test
 * wants it, then go on. The states come from the explorer's model: the thread waits in {@code
 * wait()} ({@code WAITING}), to enter a monitor another thread holds ({@code BLOCKED}, polled with
 * no yield at all), for a {@code ReentrantLock} ({@code WAITING}, as the JDK parks it) and in a
 * {@code sleep} ({@code TIMED_WAITING}); before {@code start()} it is {@code NEW}, after it ended
 * {@code TERMINATED}.
 */
public final class ThreadStates {

    private static final Object MONITOR = new Object();
    private static boolean go;

    public static void main(String[] args) throws InterruptedException {
        Thread waiter =
                new Thread(
                        () -> {
                            synchronized (MONITOR) {
                                while (!go) {
                                    try {
                                        MONITOR.wait();
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            }
                        });
        expect(waiter, Thread.State.NEW);
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        Thread entering;
        synchronized (MONITOR) {
            go = true;
            MONITOR.notifyAll();
            entering =
                    new Thread(
                            () -> {
                                synchronized (MONITOR) {
                                    if (!go) {
                                        throw new AssertionError(
                                                "entered before the waiter was let go");
                                    }
                                }
                            });
            entering.start();
            while (entering.getState() != Thread.State.BLOCKED) {
                // no yield: the poll itself is a step
            }
        }
        waiter.join();
        entering.join();
        expect(entering, Thread.State.TERMINATED);
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        Thread locker =
                new Thread(
                        () -> {
                            lock.lock();
                            lock.unlock();
                        });
        locker.start();
        while (locker.getState() != Thread.State.WAITING) {
            Thread.yield();
        }
        lock.unlock();
        Thread sleeper =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                        });
        sleeper.start();
        while (sleeper.getState() != Thread.State.TIMED_WAITING && sleeper.isAlive()) {
            Thread.onSpinWait();
        }
        locker.join();
        sleeper.join();
    }

    private static void expect(Thread t, Thread.State s) {
        if (t.getState() != s) {
            throw new AssertionError(t.getName() + " is " + t.getState() + ", not " + s);
        }
    }

    /**
     * Older code's way to wait for its workers: poll their group's {@code activeCount()} until it
     * is 0, and list them with {@code enumerate} while they run. The JVM never starts a run's
     * threads, so the real group would say 0 at once.
     */
    public static final class GroupCount {
        public static void main(String[] args) throws InterruptedException {
            ThreadGroup workers = new ThreadGroup("workers");
            int[] done = new int[1];
            for (int i = 0; i < 2; i++) {
                new Thread(
                                workers,
                                () -> {
                                    synchronized (done) {
                                        done[0]++;
                                    }
                                },
                                "worker-" + i)
                        .start();
            }
            Thread[] listed = new Thread[4];
            int n = workers.enumerate(listed);
            for (int k = 0; k < n; k++) {
                if (!listed[k].getName().startsWith("worker-")) {
                    throw new AssertionError("listed " + listed[k].getName());
                }
            }
            int before = Thread.activeCount(); // main, and any worker still running: not in main's
            while (workers.activeCount() > 0) {
                Thread.sleep(1);
            }
            synchronized (done) {
                if (done[0] != 2 || before < 1) {
                    throw new AssertionError(done[0] + " done, " + before + " active");
                }
            }
        }

        private GroupCount() {}
    }

    private ThreadStates() {}
}
