package io.refguard.bench.search;

import static io.refguard.bench.search.CounterPrograms.require;
import static io.refguard.bench.search.CounterPrograms.suffix;
import static io.refguard.explore.report.FailureKind.DEADLOCK;
import static io.refguard.explore.report.FailureKind.THREAD_THREW;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks and conditions misused: wrong lock, lock-order deadlocks, lost notify, driver stop/start.
 */
final class LockPrograms {

    private LockPrograms() {}

    static List<Program> all() {
        List<Program> all = new ArrayList<>();
        for (int n : new int[] {2, 3, 5, 8}) {
            all.add(
                    Program.of(
                            "wrong-lock-" + n,
                            "wrong lock",
                            n,
                            THREAD_THREW,
                            f -> wrongLock(n, f)));
        }
        all.add(Program.of("deadlock-abba", "deadlock", 2, DEADLOCK, f -> philosophers(2, f)));
        all.add(Program.of("philosophers-3", "deadlock", 3, DEADLOCK, f -> philosophers(3, f)));
        all.add(Program.of("philosophers-5", "deadlock", 5, DEADLOCK, f -> philosophers(5, f)));
        all.add(Program.of("lost-notify", "lost notify", 2, DEADLOCK, LockPrograms::lostNotify));
        all.add(
                Program.of(
                        "notify-one-of-two", "lost notify", 3, DEADLOCK, LockPrograms::notifyOne));
        all.add(Program.of("driver-1", "driver stop/start", 2, THREAD_THREW, f -> driver(1, f)));
        all.add(Program.of("driver-2", "driver stop/start", 3, THREAD_THREW, f -> driver(2, f)));
        return all;
    }

    static final class Data {
        final ReentrantLock lock1 = new ReentrantLock();
        final ReentrantLock lock2 = new ReentrantLock();
        final SharedInt data = new SharedInt("data", 0);
    }

    /**
     * One thread writes then re-reads data under lock1, expecting its own value; {@code n - 1}
     * others increment it under lock2, the wrong lock. The fix uses lock1 everywhere.
     */
    static Scenario<?> wrongLock(int n, boolean fixed) {
        Scenario<Data> s = Explorer.scenario("wrong-lock-" + n + suffix(fixed)).setup(Data::new);
        s.actor(
                "A",
                d -> {
                    Coordinator.lock(d.lock1);
                    d.data.set(1);
                    int v = d.data.get();
                    Coordinator.unlock(d.lock1);
                    require(v == 1, "wrote 1 under the lock, read " + v);
                });
        for (int i = 1; i < n; i++) {
            s.actor(
                    "B" + i,
                    d -> {
                        ReentrantLock lock = fixed ? d.lock1 : d.lock2;
                        Coordinator.lock(lock);
                        d.data.set(d.data.get() + 1);
                        Coordinator.unlock(lock);
                    });
        }
        return s;
    }

    static final class Table {
        final ReentrantLock[] forks;
        final SharedInt meals = new SharedInt("meals", 0);

        Table(int n) {
            forks = new ReentrantLock[n];
            for (int i = 0; i < n; i++) {
                forks[i] = new ReentrantLock();
            }
        }
    }

    /**
     * Each of {@code n} philosophers takes fork i then fork i + 1 (two threads: lock order A-B
     * against B-A). The fix takes the lower-numbered fork first.
     */
    static Scenario<?> philosophers(int n, boolean fixed) {
        Scenario<Table> s =
                Explorer.scenario((n == 2 ? "deadlock-abba" : "philosophers-" + n) + suffix(fixed))
                        .setup(() -> new Table(n));
        for (int i = 0; i < n; i++) {
            int left = i;
            int right = (i + 1) % n;
            s.actor(
                    "P" + i,
                    t -> {
                        ReentrantLock first = t.forks[fixed ? Math.min(left, right) : left];
                        ReentrantLock second = t.forks[fixed ? Math.max(left, right) : right];
                        Coordinator.lock(first);
                        Coordinator.lock(second);
                        t.meals.incrementAndGet();
                        Coordinator.unlock(second);
                        Coordinator.unlock(first);
                    });
        }
        return s.check(t -> require(t.meals.peek() == n, "meals: " + t.meals.peek()));
    }

    static final class Signal {
        final ReentrantLock monitor = new ReentrantLock();
        final Condition changed = monitor.newCondition();
        final SharedInt ready = new SharedInt("ready", 0);
        final SharedInt woken = new SharedInt("woken", 0);
    }

    /**
     * The consumer checks the flag before taking the monitor, so a notify between the check and the
     * wait is lost. The fix checks under the monitor, in a loop.
     */
    static Scenario<?> lostNotify(boolean fixed) {
        return Explorer.scenario("lost-notify" + suffix(fixed))
                .setup(Signal::new)
                .actor("consumer", s -> consume(s, fixed))
                .actor(
                        "producer",
                        s -> {
                            s.ready.set(1);
                            Coordinator.lock(s.monitor);
                            Coordinator.signal(s.monitor, s.changed);
                            Coordinator.unlock(s.monitor);
                        });
    }

    private static void consume(Signal s, boolean fixed) throws InterruptedException {
        if (fixed) {
            Coordinator.lock(s.monitor);
            while (s.ready.get() == 0) {
                Coordinator.await(s.monitor, s.changed);
            }
            Coordinator.unlock(s.monitor);
        } else if (s.ready.get() == 0) {
            Coordinator.lock(s.monitor);
            Coordinator.await(s.monitor, s.changed);
            Coordinator.unlock(s.monitor);
        }
        s.woken.incrementAndGet();
    }

    /** Two consumers wait; the producer wakes one (notify). The fix wakes all (notifyAll). */
    static Scenario<?> notifyOne(boolean fixed) {
        return Explorer.scenario("notify-one-of-two" + suffix(fixed))
                .setup(Signal::new)
                .actor("consumer1", s -> consume(s, true))
                .actor("consumer2", s -> consume(s, true))
                .actor(
                        "producer",
                        s -> {
                            Coordinator.lock(s.monitor);
                            s.ready.set(1);
                            if (fixed) {
                                Coordinator.signalAll(s.monitor, s.changed);
                            } else {
                                Coordinator.signal(s.monitor, s.changed);
                            }
                            Coordinator.unlock(s.monitor);
                        });
    }

    static final class Driver {
        final SharedInt pendingIo = new SharedInt("pendingIo", 1);
        final SharedInt stopping = new SharedInt("stopping", 0);
        final SharedInt stopEvent = new SharedInt("stopEvent", 0);
        final SharedInt stopped = new SharedInt("stopped", 0);

        void release() {
            if (pendingIo.getAndAdd(-1) == 1) {
                stopEvent.set(1);
            }
        }
    }

    /**
     * A driver's I/O entry point and its stop routine (the classic device-driver model): the entry
     * checks the stopping flag and then counts itself in, so a stop between the two lets I/O run on
     * a stopped driver. The fix counts itself in first, then checks.
     */
    static Scenario<?> driver(int adders, boolean fixed) {
        Scenario<Driver> s =
                Explorer.scenario("driver-" + adders + suffix(fixed)).setup(Driver::new);
        for (int i = 0; i < adders; i++) {
            s.actor(
                    "io" + i,
                    d -> {
                        if (fixed) {
                            d.pendingIo.getAndAdd(1);
                            if (d.stopping.get() == 1) {
                                d.release();
                                return;
                            }
                        } else {
                            if (d.stopping.get() == 1) {
                                return;
                            }
                            d.pendingIo.getAndAdd(1);
                        }
                        require(d.stopped.get() == 0, "I/O on a stopped driver");
                        d.release();
                    });
        }
        return s.actor(
                "stop",
                d -> {
                    d.stopping.set(1);
                    d.release();
                    Coordinator.blockUntil(
                            () -> d.stopEvent.peek() == 1, d.stopEvent, "await stop event");
                    d.stopped.set(1);
                });
    }
}
