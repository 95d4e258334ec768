package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import io.refguard.hook.Hooks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Explorations side by side: four explorations driven by four plain threads at once, held at their
 * first setup until all four have their engines open, each get the verdict, table, token and run
 * count they get when explored alone.
 */
class SideBySideTest {

    /** Read, then write: loses an update. */
    static final class Counter {
        final SharedInt value = new SharedInt("value", 0);

        void increment() {
            int v = value.get();
            value.set(v + 1);
        }

        void lockedIncrement() {
            Coordinator.lock(this);
            try {
                increment();
            } finally {
                Coordinator.unlock(this);
            }
        }
    }

    /** Two locks taken in opposite orders. */
    static final class TwoLocks {
        final Object a = new Object();
        final Object b = new Object();

        void inOrder(Object first, Object second) {
            Coordinator.lock(first);
            Coordinator.lock(second);
            Coordinator.unlock(second);
            Coordinator.unlock(first);
        }
    }

    /** {@code action} on the first call only: each exploration waits once, at its first setup. */
    private static Runnable once(Runnable action) {
        return new Runnable() {
            boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    action.run();
                }
            }
        };
    }

    private static List<Supplier<Scenario<?>>> scenarios(Runnable atFirstSetup) {
        List<Supplier<Scenario<?>>> all = new ArrayList<>();
        all.add(
                () -> {
                    Runnable once = once(atFirstSetup);
                    return Explorer.scenario("lost update")
                            .setup(
                                    () -> {
                                        once.run();
                                        return new Counter();
                                    })
                            .actor("A1", Counter::increment)
                            .actor("A2", Counter::increment)
                            .check(
                                    c ->
                                            assertEquals(
                                                    2,
                                                    c.value.peek(),
                                                    "both increments must count"));
                });
        all.add(
                () -> {
                    Runnable once = once(atFirstSetup);
                    return Explorer.scenario("locked counter")
                            .setup(
                                    () -> {
                                        once.run();
                                        return new Counter();
                                    })
                            .actor("B1", Counter::lockedIncrement)
                            .actor("B2", Counter::lockedIncrement)
                            .actor("B3", Counter::lockedIncrement)
                            .check(c -> assertEquals(3, c.value.peek()));
                });
        all.add(
                () -> {
                    Runnable once = once(atFirstSetup);
                    return Explorer.scenario("lock order")
                            .setup(
                                    () -> {
                                        once.run();
                                        return new TwoLocks();
                                    })
                            .actor("C1", l -> l.inOrder(l.a, l.b))
                            .actor("C2", l -> l.inOrder(l.b, l.a));
                });
        all.add(
                () -> {
                    Runnable once = once(atFirstSetup);
                    return Explorer.scenario("atomic counter")
                            .setup(
                                    () -> {
                                        once.run();
                                        return new SharedInt("value", 0);
                                    })
                            .actor("D1", SharedInt::incrementAndGet)
                            .actor("D2", SharedInt::incrementAndGet)
                            .check(c -> assertEquals(2, c.peek()));
                });
        return all;
    }

    /** What an exploration ended with: its result or what it threw. */
    private static Object outcome(Scenario<?> s) {
        try {
            return s.explore(ExploreOptions.exhaustive().preemptionBound(2));
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    @RepeatedTest(3)
    void fourExplorationsAtOnceGetTheirOwnVerdicts() throws Exception {
        List<Object> alone = new ArrayList<>();
        for (Supplier<Scenario<?>> s : scenarios(() -> {})) {
            alone.add(outcome(s.get()));
        }

        CyclicBarrier allOpen = new CyclicBarrier(4);
        List<Supplier<Scenario<?>>> side =
                scenarios(
                        () -> {
                            try {
                                allOpen.await(30, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "the four explorations did not all start", e);
                            }
                        });
        Object[] together = new Object[4];
        List<Thread> drivers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int k = i;
            Scenario<?> s = side.get(k).get();
            Thread t = new Thread(() -> together[k] = outcome(s), "driver-" + k);
            drivers.add(t);
            t.start();
        }
        for (Thread t : drivers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!t.isAlive(), t.getName() + " did not finish");
        }

        InterleavingFailure lost =
                assertInstanceOf(
                        InterleavingFailure.class, together[0], () -> String.valueOf(together[0]));
        assertEquals(FailureKind.FINAL_CHECK, lost.report().failure().kind());
        assertEquals(List.of("A1", "A2"), lost.report().threads());
        assertEquals(((InterleavingFailure) alone.get(0)).table(), lost.table());
        assertEquals(((InterleavingFailure) alone.get(0)).replayToken(), lost.replayToken());

        ExploreResult locked =
                assertInstanceOf(
                        ExploreResult.class, together[1], () -> String.valueOf(together[1]));
        assertTrue(locked.exhausted(), locked.toString());
        assertEquals(((ExploreResult) alone.get(1)).runs(), locked.runs());

        InterleavingFailure deadlock =
                assertInstanceOf(
                        InterleavingFailure.class, together[2], () -> String.valueOf(together[2]));
        assertEquals(FailureKind.DEADLOCK, deadlock.report().failure().kind());
        assertEquals(((InterleavingFailure) alone.get(2)).table(), deadlock.table());

        ExploreResult atomic =
                assertInstanceOf(
                        ExploreResult.class, together[3], () -> String.valueOf(together[3]));
        assertTrue(atomic.exhausted(), atomic.toString());
        assertEquals(((ExploreResult) alone.get(3)).runs(), atomic.runs());

        assertNull(Hooks.scheduling(), "the hook is uninstalled once the last exploration ends");
    }
}
