package example.jdk;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * Synchronizers a program builds on {@code AbstractQueuedSynchronizer}, as its documentation shows:
 * a mutex, a one-shot latch and a permit pool. Their {@code tryAcquire} and {@code tryRelease} are
 * the program's; the queueing and parking are the JDK's, which under exploration would park a
 * thread where the explorer cannot see it.
 */
public final class OwnSynchronizers {

    private OwnSynchronizers() {}

    /** A non-reentrant mutex, fair when asked: a waiting thread goes before a newcomer. */
    static final class Mutex extends AbstractQueuedSynchronizer {
        private final boolean fair;

        Mutex(boolean fair) {
            this.fair = fair;
        }

        @Override
        protected boolean tryAcquire(int ignored) {
            if (fair && hasQueuedPredecessors()) {
                return false;
            }
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setState(0);
            return true;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getState() == 1;
        }

        ConditionObject newCondition() {
            return new ConditionObject();
        }
    }

    /** A mutex whose {@code tryAcquire} reads the state and then sets it: two threads get it. */
    static final class CheckThenSetMutex extends AbstractQueuedSynchronizer {
        @Override
        protected boolean tryAcquire(int ignored) {
            if (getState() != 0) {
                return false;
            }
            setState(1);
            return true;
        }

        @Override
        protected boolean tryRelease(int ignored) {
            setState(0);
            return true;
        }
    }

    /** A latch opened once by a shared release. */
    static final class Latch extends AbstractQueuedSynchronizer {
        Latch() {
            setState(1);
        }

        @Override
        protected int tryAcquireShared(int ignored) {
            return getState() == 0 ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int ignored) {
            setState(0);
            return true;
        }
    }

    /** A pool of permits counted in a {@code long}. */
    static final class Permits extends AbstractQueuedLongSynchronizer {
        Permits(long permits) {
            setState(permits);
        }

        long available() {
            return getState();
        }

        @Override
        protected long tryAcquireShared(long n) {
            while (true) {
                long left = getState() - n;
                if (left < 0 || compareAndSetState(left + n, left)) {
                    return left;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(long n) {
            while (true) {
                long now = getState();
                if (compareAndSetState(now, now + n)) {
                    return true;
                }
            }
        }
    }

    private static int counted(AbstractQueuedSynchronizer lock) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger count =
                new java.util.concurrent.atomic.AtomicInteger();
        Runnable add =
                () -> {
                    for (int i = 0; i < 2; i++) {
                        lock.acquire(1);
                        try {
                            count.set(count.get() + 1); // in two steps: the lock orders them
                        } finally {
                            lock.release(1);
                        }
                    }
                };
        Thread a = new Thread(add);
        Thread b = new Thread(add);
        a.start();
        b.start();
        a.join();
        b.join();
        return count.get();
    }

    /** Two threads count under the mutex: correct, so the exploration passes. */
    public static final class Counted {
        private Counted() {}

        public static void main(String[] args) throws InterruptedException {
            int count = counted(new Mutex(false));
            if (count != 4) {
                throw new AssertionError("counted " + count + ", expected 4");
            }
        }
    }

    /** The same under the mutex whose {@code tryAcquire} checks, then sets: a lost update. */
    public static final class CheckThenSet {
        private CheckThenSet() {}

        public static void main(String[] args) throws InterruptedException {
            int count = counted(new CheckThenSetMutex());
            if (count != 4) {
                throw new AssertionError("counted " + count + ", expected 4");
            }
        }
    }

    /** A value handed over through the latch: correct. */
    public static final class HandedOver {
        private HandedOver() {}

        public static void main(String[] args) throws InterruptedException {
            Latch ready = new Latch();
            int[] value = new int[1];
            Thread maker =
                    new Thread(
                            () -> {
                                value[0] = 42;
                                ready.releaseShared(1);
                            });
            maker.start();
            ready.acquireSharedInterruptibly(1);
            if (value[0] != 42) {
                throw new AssertionError("read " + value[0] + " after the latch opened");
            }
            maker.join();
        }
    }

    /**
     * A holder of the fair mutex lets go once a thread queues for it, and a newcomer then must not
     * overtake the queued thread: the queue is the model's, and so are the answers about it.
     */
    public static final class FairHandOver {
        private FairHandOver() {}

        public static void main(String[] args) throws InterruptedException {
            Mutex lock = new Mutex(true);
            lock.acquire(1);
            String[] order = new String[2];
            int[] next = new int[1];
            Thread queued =
                    new Thread(
                            () -> {
                                lock.acquire(1);
                                order[next[0]++] = "queued";
                                lock.release(1);
                            },
                            "queued");
            queued.start();
            while (!lock.hasQueuedThreads()) {
                Thread.yield();
            }
            Thread first = lock.getFirstQueuedThread();
            int length = lock.getQueueLength();
            lock.release(1);
            lock.acquire(1); // a newcomer now: behind the queued thread
            order[next[0]++] = "main";
            lock.release(1);
            queued.join();
            if (first != queued || length != 1 || !"queued".equals(order[0])) {
                throw new AssertionError(
                        "first " + first + ", length " + length + ", order " + order[0]);
            }
        }
    }

    /** An interrupt ends an interruptible acquire, and a timed one gives up. */
    public static final class GivesUp {
        private GivesUp() {}

        public static void main(String[] args) throws InterruptedException {
            Mutex lock = new Mutex(false);
            lock.acquire(1);
            boolean[] interrupted = new boolean[1];
            Thread waiter =
                    new Thread(
                            () -> {
                                try {
                                    lock.acquireInterruptibly(1);
                                    lock.release(1);
                                } catch (InterruptedException e) {
                                    interrupted[0] = true;
                                }
                            });
            waiter.start();
            waiter.interrupt();
            waiter.join();
            Thread timed =
                    new Thread(
                            () -> {
                                try {
                                    if (lock.tryAcquireNanos(1, TimeUnit.MILLISECONDS.toNanos(5))) {
                                        throw new AssertionError("acquired a held mutex");
                                    }
                                } catch (InterruptedException e) {
                                    throw new AssertionError(e);
                                }
                            });
            timed.start();
            timed.join();
            lock.release(1);
            if (!interrupted[0]) {
                throw new AssertionError("the interrupt did not end the wait");
            }
        }
    }

    /** Two threads take two of three permits each: one waits for the other's release. */
    public static final class SharedPermits {
        private SharedPermits() {}

        public static void main(String[] args) throws InterruptedException {
            Permits permits = new Permits(3);
            Runnable use =
                    () -> {
                        permits.acquireShared(2);
                        permits.releaseShared(2);
                    };
            Thread a = new Thread(use);
            Thread b = new Thread(use);
            a.start();
            b.start();
            a.join();
            b.join();
            if (permits.available() != 3 || permits.hasQueuedThreads()) {
                throw new AssertionError(permits.available() + " permits left, expected 3");
            }
        }
    }

    /** A flag set under the mutex, waited for on its condition in a loop: correct. */
    public static final class ConditionWait {
        private ConditionWait() {}

        public static void main(String[] args) throws InterruptedException {
            Mutex lock = new Mutex(false);
            java.util.concurrent.locks.Condition ready = lock.newCondition();
            boolean[] set = new boolean[1];
            Thread setter =
                    new Thread(
                            () -> {
                                lock.acquire(1);
                                set[0] = true;
                                ready.signalAll();
                                lock.release(1);
                            });
            setter.start();
            lock.acquire(1);
            while (!set[0]) {
                ready.await();
            }
            lock.release(1);
            setter.join();
        }
    }

    /** The same wait without looking at the flag first: a signal before it is lost for good. */
    public static final class ConditionLostSignal {
        private ConditionLostSignal() {}

        public static void main(String[] args) throws InterruptedException {
            Mutex lock = new Mutex(false);
            java.util.concurrent.locks.Condition ready = lock.newCondition();
            Thread setter =
                    new Thread(
                            () -> {
                                lock.acquire(1);
                                ready.signal();
                                lock.release(1);
                            });
            setter.start();
            lock.acquire(1);
            ready.await();
            lock.release(1);
            setter.join();
        }
    }

    /**
     * A holder that signals once a thread waits on the condition, asking {@code hasWaiters} and
     * {@code getWaitQueueLength}: the waiter waits in the model, so the answers must come from it.
     */
    public static final class ConditionWaiters {
        private ConditionWaiters() {}

        public static void main(String[] args) throws InterruptedException {
            Mutex lock = new Mutex(false);
            AbstractQueuedSynchronizer.ConditionObject ready = lock.newCondition();
            boolean[] set = new boolean[1];
            Thread waiter =
                    new Thread(
                            () -> {
                                lock.acquire(1);
                                try {
                                    while (!set[0]) {
                                        ready.awaitUninterruptibly();
                                    }
                                } finally {
                                    lock.release(1);
                                }
                            });
            waiter.start();
            lock.acquire(1);
            while (!lock.hasWaiters(ready)) {
                lock.release(1);
                Thread.yield();
                lock.acquire(1);
            }
            int waiting = lock.getWaitQueueLength(ready);
            set[0] = true;
            ready.signalAll();
            lock.release(1);
            waiter.join();
            if (waiting != 1) {
                throw new AssertionError(waiting + " threads waiting, expected 1");
            }
        }
    }
}
