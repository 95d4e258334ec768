package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.models.PointsModel;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import io.refguard.explore.sync.SharedRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each strategy finds a small-depth bug, reproducibly from its seed; budgets stop searches. */
class StrategiesTest {

    /**
     * An order violation of depth 2 hidden in long runs: the reader must read the reference after
     * the writer created it but before the writer initialised it. Each thread first does 20
     * unrelated steps.
     */
    static final class Publication {
        final SharedInt noise = new SharedInt("noise", 0);
        final SharedRef<int[]> ref = new SharedRef<>("ref", null);
    }

    static Scenario<Publication> publication() {
        return Explorer.scenario("unsafe publication")
                .setup(Publication::new)
                .actor(
                        "writer",
                        p -> {
                            for (int i = 0; i < 20; i++) {
                                p.noise.get();
                            }
                            int[] box = new int[1];
                            p.ref.set(box);
                            p.noise.get();
                            box[0] = 42; // initialised only after it was published
                        })
                .actor(
                        "reader",
                        p -> {
                            for (int i = 0; i < 20; i++) {
                                p.noise.get();
                            }
                            int[] box = p.ref.get();
                            if (box != null && box[0] != 42) {
                                throw new AssertionError("read a published but uninitialised box");
                            }
                        });
    }

    @Test
    void randomWalkFindsTheBugAndItsSeedReproducesIt() {
        InterleavingFailure a =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                publication()
                                        .explore(ExploreOptions.random().seed(3).maxRuns(20_000)));
        InterleavingFailure b =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                publication()
                                        .explore(ExploreOptions.random().seed(3).maxRuns(20_000)));
        assertEquals(a.replayToken(), b.replayToken());
        assertEquals(a.report().runs(), b.report().runs());
        assertEquals(FailureKind.THREAD_THREW, a.report().failure().kind());
    }

    @Test
    void pctFindsTheBug() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> publication().explore(ExploreOptions.pct(3).seed(5).maxRuns(20_000)));
        assertTrue(f.report().foundBy().startsWith("PCT depth 3"), f.report().foundBy());
    }

    @Test
    void posFindsTheBug() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> publication().explore(ExploreOptions.pos().seed(5).maxRuns(20_000)));
        assertTrue(f.report().foundBy().startsWith("POS"), f.report().foundBy());
    }

    @Test
    void randomFailuresAreSimplifiedToFewPreemptions() {
        InterleavingFailure raw =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                publication()
                                        .explore(ExploreOptions.random().seed(3).minimize(false)));
        InterleavingFailure simplified =
                assertThrows(
                        InterleavingFailure.class,
                        () -> publication().explore(ExploreOptions.random().seed(3)));
        assertTrue(raw.report().preemptions() > 2, raw.table());
        assertTrue(simplified.report().preemptions() <= 2, simplified.table());
        assertEquals(raw.report().failure().kind(), simplified.report().failure().kind());
    }

    @Test
    void exhaustiveSearchFindsTheFewestPreemptions() {
        // without fair scheduling one preemption would suffice (the writer preempted between
        // publishing and initialising, the reader run to its end). But each thread's 20 reads of
        // the unchanged noise are indistinguishable from a spin: fair scheduling holds the writer
        // back after its third, so the reader runs first, and the writer's publication then needs
        // a preemption of the reader and a second one back to it. Fewer is impossible, and the
        // exhaustive search must not report more.
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> publication().explore(ExploreOptions.exhaustive()));
        assertEquals(2, f.report().preemptions(), f.table());
        assertThrows(
                InterleavingFailure.class,
                () -> publication().explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertTrue(
                publication().explore(ExploreOptions.exhaustive().preemptionBound(1)).exhausted());
    }

    @Test
    void aBoundOfZeroIsExhaustedWithoutFindingTheBug() {
        ExploreResult r = publication().explore(ExploreOptions.exhaustive().preemptionBound(0));
        assertTrue(r.exhausted());
        assertTrue(r.boundLimited());
    }

    @Test
    void runAndTimeBudgetsStopTheSearch() {
        ExploreResult byRuns =
                PointsModel.scenario(3, 10).explore(ExploreOptions.random().maxRuns(100));
        assertEquals(ExploreResult.Stop.MAX_RUNS, byRuns.stop());
        assertEquals(100, byRuns.runs());
        assertFalse(byRuns.exhausted());
        ExploreResult byTime =
                PointsModel.scenario(3, 10)
                        .explore(ExploreOptions.random().maxTime(Duration.ofMillis(50)));
        assertEquals(ExploreResult.Stop.MAX_TIME, byTime.stop());
    }

    @Test
    void exhaustiveCountsEachScheduleOnce() {
        // two threads of k points without preemption bound: C(2k+2, k+1) interleavings of the
        // (k + 1) steps each (a start and k points), counted exactly once
        ExploreResult r =
                PointsModel.scenario(2, 3)
                        .explore(ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE));
        assertEquals(70, r.distinctSchedules());
        assertTrue(r.exhausted());
        assertFalse(r.boundLimited());
    }
}
