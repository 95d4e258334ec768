package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.sync.SharedInt;
import io.refguard.junit.Exploration;
import io.refguard.junit.ExploreTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Four exploration tests that explore at the same time: each scenario's first setup waits at a
 * barrier until all four explorations have started, so they must run in parallel (with at least
 * four threads), or each waits the barrier's timeout and fails. Two find their bug, two pass.
 */
@Execution(ExecutionMode.CONCURRENT)
public class ParallelExplorations {

    /** Fresh per run: {@link #reset()} before each run. */
    private static volatile CyclicBarrier together = new CyclicBarrier(4);

    /** The result each passing test returned, by method name. */
    public static final Map<String, ExploreResult> RESULTS = new ConcurrentHashMap<>();

    /** Which thread ran each test. */
    public static final Map<String, Thread> THREADS = new ConcurrentHashMap<>();

    /** Prepares a run. */
    public static void reset() {
        together = new CyclicBarrier(4);
        RESULTS.clear();
        THREADS.clear();
    }

    /** Waits, at the first call only, until the four explorations have started. */
    private static Runnable meetOnce(String test) {
        THREADS.put(test, Thread.currentThread());
        boolean[] met = {false};
        return () -> {
            if (!met[0]) {
                met[0] = true;
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the four explorations did not run at once", e);
                }
            }
        };
    }

    /** Two locks taken in opposite orders, or in the same order when fixed. */
    static final class Locks {
        final Object a = new Object();
        final Object b = new Object();

        static void both(Object first, Object second) {
            Coordinator.lock(first);
            Coordinator.lock(second);
            Coordinator.unlock(second);
            Coordinator.unlock(first);
        }
    }

    @ExploreTest
    void lostUpdate(Exploration exploration) {
        Runnable meet = meetOnce("lostUpdate");
        exploration.explore(
                Explorer.scenario("lost update")
                        .setup(
                                () -> {
                                    meet.run();
                                    return new SharedInt("count", 0);
                                })
                        .actor("A1", c -> c.set(c.get() + 1))
                        .actor("A2", c -> c.set(c.get() + 1))
                        .check(c -> assertEquals(2, c.peek(), "both increments must count")));
    }

    @ExploreTest
    void atomicIncrements(Exploration exploration) {
        Runnable meet = meetOnce("atomicIncrements");
        RESULTS.put(
                "atomicIncrements",
                exploration.explore(
                        Explorer.scenario("atomic increments")
                                .setup(
                                        () -> {
                                            meet.run();
                                            return new SharedInt("count", 0);
                                        })
                                .actor("B1", SharedInt::incrementAndGet)
                                .actor("B2", SharedInt::incrementAndGet)
                                .actor("B3", SharedInt::incrementAndGet)
                                .check(c -> assertEquals(3, c.peek()))));
    }

    @ExploreTest
    void lockOrderDeadlock(Exploration exploration) {
        Runnable meet = meetOnce("lockOrderDeadlock");
        exploration.explore(
                Explorer.scenario("lock order")
                        .setup(
                                () -> {
                                    meet.run();
                                    return new Locks();
                                })
                        .actor("C1", l -> Locks.both(l.a, l.b))
                        .actor("C2", l -> Locks.both(l.b, l.a)));
    }

    @ExploreTest
    void sameLockOrder(Exploration exploration) {
        Runnable meet = meetOnce("sameLockOrder");
        RESULTS.put(
                "sameLockOrder",
                exploration.explore(
                        Explorer.scenario("same lock order")
                                .setup(
                                        () -> {
                                            meet.run();
                                            return new Locks();
                                        })
                                .actor("D1", l -> Locks.both(l.a, l.b))
                                .actor("D2", l -> Locks.both(l.a, l.b))));
    }
}
