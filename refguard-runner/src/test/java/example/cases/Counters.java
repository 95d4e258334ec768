package example.cases;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Scenario classes for the instrumented-scenario tests: two threads increment a counter, with a
 * volatile read and write (an increment can be lost) or inside {@code synchronized} (none can).
 */
public final class Counters {

    private Counters() {}

    /** The shared counter. */
    public static final class Counter {
        volatile int value;

        void racyIncrement() {
            value = value + 1;
        }

        synchronized void lockedIncrement() {
            value = value + 1;
        }

        final ReentrantLock lock = new ReentrantLock();

        void jucLockedIncrement() {
            lock.lock();
            try {
                value = value + 1;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Two increments under a {@code ReentrantLock}. */
    public static final class JucLocked {
        private JucLocked() {}

        public static Scenario<Counter> scenario() {
            return Explorer.scenario("juc-locked counter")
                    .setup(Counter::new)
                    .actor("T1", Counter::jucLockedIncrement)
                    .actor("T2", Counter::jucLockedIncrement)
                    .check(Counters::bothCounted);
        }
    }

    /** Two volatile read-then-write increments. */
    public static final class Racy {
        private Racy() {}

        public static Scenario<Counter> scenario() {
            return Explorer.scenario("racy counter")
                    .setup(Counter::new)
                    .actor("T1", Counter::racyIncrement)
                    .actor("T2", Counter::racyIncrement)
                    .check(Counters::bothCounted);
        }
    }

    /** Two increments under the counter's monitor. */
    public static final class Locked {
        private Locked() {}

        public static Scenario<Counter> scenario() {
            return Explorer.scenario("locked counter")
                    .setup(Counter::new)
                    .actor("T1", Counter::lockedIncrement)
                    .actor("T2", Counter::lockedIncrement)
                    .check(Counters::bothCounted);
        }
    }

    static void bothCounted(Counter c) {
        if (c.value != 2) {
            throw new AssertionError("both increments must count, got " + c.value);
        }
    }
}
