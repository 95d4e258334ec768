package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run's happens-before order ({@link HappensBefore}) through the runtime's primitives: each
 * test runs thread A to its end before thread B (the lowest thread that can run goes on), so B
 * always comes after A in the schedule, and only synchronization decides whether A's mark happened
 * before B's check.
 */
class HappensBeforeTest {

    private final List<Boolean> seen = new ArrayList<>();

    /** Runs {@code a} then {@code b}; returns what {@code b} recorded. */
    private List<Boolean> run(Runnable a, Runnable b) {
        try (RunEngine e = new RunEngine(1_000, Duration.ofSeconds(10))) {
            RunStatus status =
                    e.run(
                            List.of("A", "B"),
                            List.of(a, b),
                            p -> p.nextEnabled(0),
                            null,
                            null,
                            null);
            assertEquals(RunStatus.COMPLETED, status);
        }
        return seen;
    }

    private long mark;
    private final Object lock = new Object();
    private final Object x = new Object();
    private final Object y = new Object();

    @Test
    void aLockOrdersWhatCameBeforeItsRelease() {
        List<Boolean> r =
                run(
                        () -> {
                            Coordinator.lock(lock);
                            mark = Coordinator.happensBeforeMark();
                            Coordinator.unlock(lock);
                        },
                        () -> {
                            Coordinator.lock(lock);
                            seen.add(Coordinator.happenedBefore(mark));
                            Coordinator.unlock(lock);
                        });
        assertEquals(List.of(true), r);
    }

    @Test
    void whatCameAfterTheReleaseIsNotOrdered() {
        List<Boolean> r =
                run(
                        () -> {
                            Coordinator.lock(lock);
                            Coordinator.unlock(lock);
                            mark = Coordinator.happensBeforeMark();
                        },
                        () -> {
                            Coordinator.lock(lock);
                            seen.add(Coordinator.happenedBefore(mark));
                            Coordinator.unlock(lock);
                        });
        assertEquals(List.of(false), r);
    }

    @Test
    void pointsOnOneTargetOrderPointsOnAnotherDoNot() {
        List<Boolean> r =
                run(
                        () -> {
                            mark = Coordinator.happensBeforeMark();
                            Coordinator.point(x, Access.WRITE, "write x");
                        },
                        () -> {
                            Coordinator.point(y, Access.READ, "read y");
                            seen.add(Coordinator.happenedBefore(mark));
                            Coordinator.point(x, Access.READ, "read x");
                            seen.add(Coordinator.happenedBefore(mark));
                        });
        assertEquals(List.of(false, true), r);
    }

    @Test
    void aWaitThatEndsAcquiresEveryRelease() {
        List<Boolean> r =
                run(
                        () -> {
                            mark = Coordinator.happensBeforeMark();
                            Coordinator.point(x, Access.WRITE, "write x");
                        },
                        () -> {
                            Coordinator.blockUntil(() -> true, y, "wait for y");
                            seen.add(Coordinator.happenedBefore(mark));
                        });
        assertEquals(List.of(true), r);
    }

    @Test
    void anOperationsCallbacksAreReleasedWhenItEnds() {
        List<Boolean> r =
                run(
                        () -> {
                            Coordinator.point(x, Access.UPDATE, "compute");
                            mark = Coordinator.happensBeforeMark(); // inside the callback
                            Coordinator.operationDone();
                            long after = Coordinator.happensBeforeMark(); // after the call
                            seen.add(Coordinator.happenedBefore(after));
                            mark2 = after;
                        },
                        () -> {
                            Coordinator.point(x, Access.UPDATE, "compute");
                            seen.add(Coordinator.happenedBefore(mark));
                            seen.add(Coordinator.happenedBefore(mark2));
                        });
        assertEquals(List.of(true, true, false), r);
    }

    private long mark2;

    @Test
    void aSpawnedThreadKnowsItsParentsPastNotItsFuture() {
        List<Boolean> r =
                run(
                        () -> {
                            mark = Coordinator.happensBeforeMark();
                            child =
                                    Coordinator.spawn(
                                            "C",
                                            () -> {
                                                seen.add(Coordinator.happenedBefore(mark));
                                                seen.add(Coordinator.happenedBefore(mark2));
                                            });
                            mark2 = Coordinator.happensBeforeMark();
                        },
                        () -> {});
        assertEquals(List.of(true, false), r);
    }

    @Test
    void joiningAThreadOrdersItsWholeRun() {
        List<Boolean> r =
                run(
                        () -> {
                            child =
                                    Coordinator.spawn(
                                            "C", () -> mark = Coordinator.happensBeforeMark());
                            try {
                                Coordinator.join(child);
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                            seen.add(Coordinator.happenedBefore(mark));
                        },
                        () -> {});
        assertEquals(List.of(true), r);
    }

    private io.refguard.explore.ActorHandle child;

    private volatile boolean flag;
    private long markAfter;

    /**
     * A waiter blocked first, then freed by a write that its thread releases at once: the wait
     * acquires what came before that release, not what its thread did after it.
     */
    @Test
    void aWaitAcquiresUpToTheReleaseAfterWhichItsConditionHeld() {
        List<Boolean> r =
                run(
                        () -> {
                            Coordinator.happensBeforeMark(); // starts the order
                            Coordinator.blockUntil(() -> flag, y, "wait for the flag");
                            seen.add(Coordinator.happenedBefore(mark));
                            seen.add(Coordinator.happenedBefore(markAfter));
                        },
                        () -> {
                            mark = Coordinator.happensBeforeMark();
                            Coordinator.point(x, Access.UPDATE, "set the flag");
                            flag = true;
                            Coordinator.operationDone(); // released right after the write
                            markAfter = Coordinator.happensBeforeMark();
                        });
        assertEquals(List.of(true, false), r);
    }
}
