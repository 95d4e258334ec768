package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fair scheduling of spin loops: correct spin waits are verified by every search, without "no
 * progress"; their buggy twins fail with the bug, and a spin barrier that loses an arrival is a
 * livelock found before the step bound.
 */
class FairSpinTest {

    static final class Flags {
        final SharedInt flag = new SharedInt("flag", 0);
        final SharedInt data = new SharedInt("data", 0);
        final SharedInt arrived = new SharedInt("arrived", 0);
        final SharedInt lock = new SharedInt("lock", 0);
        final SharedInt counter = new SharedInt("counter", 0);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /** A consumer spins on a flag; the buggy producer raises it before writing the data. */
    static Scenario<Flags> spinPublish(boolean fixed) {
        return publish("spin publish", fixed, () -> {});
    }

    /** The producer publishes data behind a flag; the consumer runs {@code turn} while it waits. */
    private static Scenario<Flags> publish(String name, boolean fixed, Runnable turn) {
        return Explorer.scenario(name)
                .setup(Flags::new)
                .actor(
                        "producer",
                        f -> {
                            if (fixed) {
                                f.data.set(42);
                                f.flag.set(1);
                            } else {
                                f.flag.set(1);
                                f.data.set(42);
                            }
                        })
                .actor(
                        "consumer",
                        f -> {
                            while (f.flag.get() == 0) {
                                turn.run();
                            }
                            require(f.data.get() == 42, "flag seen before the data");
                        });
    }

    /** Two threads meet at a spin barrier; the buggy one counts arrivals by read-then-write. */
    static Scenario<Flags> spinBarrier(boolean fixed) {
        Scenario.Body<Flags> arrive =
                f -> {
                    if (fixed) {
                        f.arrived.incrementAndGet();
                    } else {
                        f.arrived.set(f.arrived.get() + 1);
                    }
                    while (f.arrived.get() < 2) {
                        // spin
                    }
                };
        return Explorer.scenario("spin barrier")
                .setup(Flags::new)
                .actor("T1", arrive)
                .actor("T2", arrive);
    }

    /** A spin lock; the buggy one is taken by test-then-set, the fixed one by compare-and-set. */
    static Scenario<Flags> spinLock(boolean fixed) {
        Scenario.Body<Flags> work =
                f -> {
                    if (fixed) {
                        while (!f.lock.compareAndSet(0, 1)) {
                            // spin
                        }
                    } else {
                        while (f.lock.get() != 0) {
                            // spin
                        }
                        f.lock.set(1);
                    }
                    f.counter.set(f.counter.get() + 1);
                    f.lock.set(0);
                };
        return Explorer.scenario("spin lock")
                .setup(Flags::new)
                .actor("T1", work)
                .actor("T2", work)
                .check(f -> require(f.counter.peek() == 2, "counter " + f.counter.peek()));
    }

    /** A consumer that waits with an explicit yield. */
    static Scenario<Flags> yieldPublish(boolean fixed) {
        return publish("yield publish", fixed, () -> Coordinator.spinWait("await flag"));
    }

    static List<Scenario<Flags>> fixes() {
        return List.of(spinPublish(true), spinBarrier(true), spinLock(true), yieldPublish(true));
    }

    static List<ExploreOptions> randomized() {
        return List.of(
                ExploreOptions.random().seed(1),
                ExploreOptions.pos().seed(1),
                ExploreOptions.pct(1).seed(1),
                ExploreOptions.pct(2).seed(1),
                ExploreOptions.pct(3).seed(1),
                ExploreOptions.pctRaces(3).seed(1),
                ExploreOptions.surw().seed(1));
    }

    @Test
    void correctSpinWaitsAreVerifiedWithinTheBoundByTheSystematicSearches() {
        for (ExploreOptions o :
                List.of(
                        ExploreOptions.defaultSearch(),
                        ExploreOptions.exhaustive(),
                        ExploreOptions.exhaustive().preemptionBound(3),
                        ExploreOptions.dpor())) {
            for (Scenario<Flags> s : fixes()) {
                ExploreResult r = s.explore(o.maxRuns(20_000));
                assertTrue(r.exhausted(), s + " with " + o + ": " + r);
            }
        }
    }

    @Test
    void correctSpinWaitsShowNoFailureUnderEveryRandomizedSearch() {
        for (ExploreOptions o : randomized()) {
            for (Scenario<Flags> s : fixes()) {
                ExploreResult r = s.explore(o.maxRuns(300));
                assertEquals(300, r.runs(), s + " with " + o + ": " + r);
            }
        }
    }

    @Test
    void theDefaultSearchFindsTheSpinWaitBugsAsTheirOwnFailures() {
        InterleavingFailure publish =
                assertThrows(
                        InterleavingFailure.class,
                        () -> spinPublish(false).explore(ExploreOptions.defaultSearch()));
        assertEquals(FailureKind.THREAD_THREW, publish.report().failure().kind(), publish.table());
        assertTrue(publish.table().contains("flag seen before the data"), publish.table());

        InterleavingFailure yielding =
                assertThrows(
                        InterleavingFailure.class,
                        () -> yieldPublish(false).explore(ExploreOptions.defaultSearch()));
        assertEquals(FailureKind.THREAD_THREW, yielding.report().failure().kind());

        InterleavingFailure lock =
                assertThrows(
                        InterleavingFailure.class,
                        () -> spinLock(false).explore(ExploreOptions.defaultSearch()));
        assertEquals(FailureKind.FINAL_CHECK, lock.report().failure().kind(), lock.table());
        assertTrue(lock.table().contains("counter 1"), lock.table());
    }

    @Test
    void theSystematicSearchesFindTheSpinWaitBugsToo() {
        for (ExploreOptions o : List.of(ExploreOptions.exhaustive(), ExploreOptions.dpor())) {
            InterleavingFailure publish =
                    assertThrows(InterleavingFailure.class, () -> spinPublish(false).explore(o));
            assertEquals(FailureKind.THREAD_THREW, publish.report().failure().kind(), o.toString());
            InterleavingFailure lock =
                    assertThrows(InterleavingFailure.class, () -> spinLock(false).explore(o));
            assertEquals(FailureKind.FINAL_CHECK, lock.report().failure().kind(), o.toString());
        }
    }

    @Test
    void aBarrierThatLosesAnArrivalIsALivelockFoundBeforeTheStepBound() {
        for (ExploreOptions o :
                List.of(
                        ExploreOptions.defaultSearch(),
                        ExploreOptions.exhaustive(),
                        ExploreOptions.pct(3).seed(1))) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> spinBarrier(false).explore(o.maxSteps(100_000)));
            assertEquals(FailureKind.LIVELOCK, f.report().failure().kind(), f.table());
            String summary = f.report().failure().summary();
            assertTrue(summary.contains("T1 spins reading arrived"), summary);
            assertTrue(summary.contains("T2 spins reading arrived"), summary);
            assertTrue(f.report().events().size() < 5_000, "events: " + f.report().events().size());
        }
    }

    @Test
    void aSpinFailureReplaysFromItsToken() {
        for (Scenario<Flags> buggy : List.of(spinBarrier(false), spinLock(false))) {
            InterleavingFailure found =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> buggy.explore(ExploreOptions.defaultSearch()));
            InterleavingFailure replayed =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> buggy.explore(ExploreOptions.replay(found.replayToken())));
            assertEquals(found.report().failure().kind(), replayed.report().failure().kind());
            assertEquals(found.report().failure().summary(), replayed.report().failure().summary());
            assertEquals(found.report().events(), replayed.report().events());
        }
    }

    /**
     * A spinner held back does not keep another thread's timeout from firing: the producer raises
     * the flag only after a timed wait that nothing ends but its timeout.
     */
    @Test
    void aTimeoutFiresWhileTheOnlyOtherThreadSpins() {
        ExploreResult r =
                Explorer.scenario("spin on a timed producer")
                        .setup(Flags::new)
                        .actor(
                                "producer",
                                f -> {
                                    boolean woke =
                                            Coordinator.blockUntil(
                                                    () -> false, 1_000_000L, false, null, "pause");
                                    require(!woke, "nothing ends the pause but its timeout");
                                    f.flag.set(1);
                                })
                        .actor(
                                "consumer",
                                f -> {
                                    while (f.flag.get() == 0) {
                                        Coordinator.spinWait("await flag");
                                    }
                                })
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r.toString());
    }

    /** A verdict over spin loops says what holding spinners back left out. */
    @Test
    void theGuaranteeSaysSpinnersWereHeldBack() {
        ExploreResult r = spinPublish(true).explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r.toString());
        assertTrue(r.spinHolds() > 0, r.toString());
        assertTrue(
                r.guarantee().contains("threads seen spinning were held back at " + r.spinHolds()),
                r.guarantee());
    }

    /**
     * A thread whose straight-line code reads one location three times through one operation (a
     * service's {@code state()} read by each call on its way to a stop) is held back as if it spun;
     * the other thread spins until that stop. With both held back, each takes a turn before either
     * takes a second, so the stop happens whichever thread a search prefers. Before, a search that
     * kept choosing the spinner (the current thread, or PCT's highest) reported "no progress".
     */
    @Test
    void aThreadHeldBackOnItsWayToAWriteGetsItsTurn() {
        Scenario<Flags> s =
                Explorer.scenario("stop a spinning service")
                        .setup(Flags::new)
                        .actor(
                                "service",
                                f -> {
                                    f.data.set(1); // running
                                    while (f.flag.get() == 0) {
                                        Coordinator.spinWait("yield");
                                    }
                                })
                        .actor(
                                "main",
                                f -> {
                                    while (f.data.get() == 0) {
                                        Coordinator.spinWait("yield");
                                    }
                                    for (int i = 0; i < 4; i++) {
                                        f.data.get(); // state(), read by each step of a stop
                                    }
                                    f.flag.set(1); // stop
                                });
        List<ExploreOptions> searches = new java.util.ArrayList<>(randomized());
        searches.add(ExploreOptions.exhaustive());
        searches.add(ExploreOptions.defaultSearch());
        for (ExploreOptions o : searches) {
            ExploreResult r = s.explore(o.maxRuns(300));
            assertTrue(r.runs() > 0, o + ": " + r);
        }
    }

    @Test
    void aWaitLoopThatWritesItsOwnLocationIsNoLivelock() {
        Scenario<Flags> s =
                Explorer.scenario("busy wait")
                        .setup(Flags::new)
                        .actor(
                                "producer",
                                f -> {
                                    f.data.set(42);
                                    f.flag.set(1);
                                })
                        .actor(
                                "consumer",
                                f -> {
                                    while (f.flag.get() == 0) {
                                        f.counter.set(0); // its own location, rewritten each turn
                                    }
                                    require(f.data.get() == 42, "flag seen before the data");
                                });
        for (ExploreOptions o :
                List.of(
                        ExploreOptions.pct(1).seed(1).maxRuns(100),
                        ExploreOptions.pct(2).seed(2).maxRuns(100),
                        ExploreOptions.exhaustive().preemptionBound(1).maxRuns(5_000))) {
            ExploreResult r = s.explore(o);
            assertTrue(r.runs() > 0, r::toString);
        }
    }

    /**
     * A loop that re-reads one location and changes, each turn, state no scheduling point covers (a
     * buffer only it fills, {@link Coordinator#wroteUnseen}) is no spin: it can run to its end
     * before the other thread's next step. Held back as a spin, it could not, and the checker would
     * always read before the publication.
     */
    @Test
    void aLoopThatWritesWhatNoPointCoversIsNoSpin() {
        Scenario<Flags> s =
                Explorer.scenario("fills its own buffer")
                        .setup(Flags::new)
                        .actor(
                                "writer",
                                f -> {
                                    for (int i = 0; i < 8; i++) {
                                        f.data.get(); // the field that holds its buffer
                                        Coordinator.wroteUnseen(); // the buffer's own write
                                    }
                                    f.flag.set(1);
                                })
                        .actor(
                                "checker",
                                f -> {
                                    f.counter.set(1);
                                    require(f.flag.get() == 0, "saw the publication");
                                });
        for (ExploreOptions o :
                List.of(ExploreOptions.exhaustive(), ExploreOptions.defaultSearch().seed(1))) {
            InterleavingFailure e = assertThrows(InterleavingFailure.class, () -> s.explore(o));
            assertTrue(e.table().contains("saw the publication"), e.table());
        }
    }
}
