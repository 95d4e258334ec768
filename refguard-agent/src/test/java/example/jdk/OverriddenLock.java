package example.jdk;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@code ReentrantLock} subclass of the program that overrides the locking methods to keep
 * statistics and calls the JDK's through {@code super}, by the mode in the first argument:
 *
 * <ul>
 *   <li>{@code counting}: two threads deposit under the lock, which counts acquisitions after it
 *       has the lock: correct;
 *   <li>{@code countBefore}: the same, counting before it has the lock: a lost update;
 *   <li>{@code condition}: a producer and a consumer hand over three items through a condition of
 *       the lock, the consumer waiting with a timed {@code tryLock} first: correct;
 *   <li>{@code deadlock}: two threads take two such locks in opposite orders;
 *   <li>{@code deadlockThroughBase}, {@code orderedThroughBase}: two threads take two locks whose
 *       {@code lock()} override reaches {@code ReentrantLock}'s through a class of the program that
 *       overrides nothing ({@link CountedNamedLock}), in opposite orders (a deadlock) or in the
 *       same order (correct).
 * </ul>
 */
public final class OverriddenLock {

    /** Counts acquisitions and remembers its owner. */
    static final class StatsLock extends ReentrantLock {
        private final boolean countFirst;
        int acquisitions;
        Thread owner;

        StatsLock(boolean countFirst) {
            this.countFirst = countFirst;
        }

        @Override
        public void lock() {
            if (countFirst) {
                acquisitions++; // not yet under the lock
                super.lock();
            } else {
                super.lock();
                acquisitions++;
            }
            owner = Thread.currentThread();
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            boolean got = super.tryLock(time, unit);
            if (got) {
                acquisitions++;
                owner = Thread.currentThread();
            }
            return got;
        }

        @Override
        public void unlock() {
            if (getHoldCount() == 1) {
                owner = null;
            }
            super.unlock();
        }
    }

    /** A lock of the program's that only adds a name: it overrides no locking method. */
    static class NamedLock extends ReentrantLock {
        final String name;

        NamedLock(String name) {
            this.name = name;
        }
    }

    /**
     * Counts acquisitions; its {@code super.lock()} reaches {@code ReentrantLock}'s past NamedLock.
     */
    static final class CountedNamedLock extends NamedLock {
        int acquisitions;

        CountedNamedLock(String name) {
            super(name);
        }

        @Override
        public void lock() {
            super.lock();
            acquisitions++;
        }
    }

    private OverriddenLock() {}

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "counting", "countBefore" -> deposits(args[0].equals("countBefore"));
            case "condition" -> handOver();
            case "deadlockThroughBase", "orderedThroughBase" ->
                    throughBase(args[0].equals("orderedThroughBase"));
            default -> opposite();
        }
    }

    private static void deposits(boolean countFirst) throws InterruptedException {
        StatsLock lock = new StatsLock(countFirst);
        int[] balance = {0};
        Runnable deposit =
                () -> {
                    lock.lock();
                    try {
                        balance[0] += 10;
                    } finally {
                        lock.unlock();
                    }
                };
        Thread a = new Thread(deposit);
        Thread b = new Thread(deposit);
        a.start();
        b.start();
        a.join();
        b.join();
        if (balance[0] != 20 || lock.acquisitions != 2 || lock.isLocked()) {
            throw new AssertionError(
                    "balance " + balance[0] + ", acquisitions counted " + lock.acquisitions);
        }
    }

    private static void handOver() throws InterruptedException {
        StatsLock lock = new StatsLock(false);
        Condition ready = lock.newCondition();
        ArrayDeque<Integer> items = new ArrayDeque<>();
        int[] sum = {0};
        Thread consumer =
                new Thread(
                        () -> {
                            try {
                                while (!lock.tryLock(10, TimeUnit.MILLISECONDS)) {
                                    // retries until it has the lock
                                }
                                try {
                                    for (int got = 0; got < 3; got++) {
                                        while (items.isEmpty()) {
                                            ready.await();
                                        }
                                        sum[0] += items.poll();
                                    }
                                } finally {
                                    lock.unlock();
                                }
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        consumer.start();
        for (int i = 1; i <= 3; i++) {
            lock.lock();
            try {
                items.add(i);
                ready.signal();
            } finally {
                lock.unlock();
            }
        }
        consumer.join();
        if (sum[0] != 6 || lock.owner != null) {
            throw new AssertionError("consumed " + sum[0] + ", owner " + lock.owner);
        }
    }

    private static void opposite() throws InterruptedException {
        StatsLock first = new StatsLock(false);
        StatsLock second = new StatsLock(false);
        Thread a = new Thread(() -> both(first, second));
        Thread b = new Thread(() -> both(second, first));
        a.start();
        b.start();
        a.join();
        b.join();
    }

    private static void throughBase(boolean sameOrder) throws InterruptedException {
        CountedNamedLock first = new CountedNamedLock("first");
        CountedNamedLock second = new CountedNamedLock("second");
        Thread a = new Thread(() -> both(first, second));
        Thread b = new Thread(() -> both(sameOrder ? first : second, sameOrder ? second : first));
        a.start();
        b.start();
        a.join();
        b.join();
        if (first.acquisitions != 2 || second.acquisitions != 2) {
            throw new AssertionError(
                    "acquisitions " + first.acquisitions + " and " + second.acquisitions);
        }
    }

    private static void both(ReentrantLock outer, ReentrantLock inner) {
        outer.lock();
        try {
            inner.lock();
            inner.unlock();
        } finally {
            outer.unlock();
        }
    }
}
