package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/** Runs of a thousand threads and more: every strategy but DPOR takes them. */
class ManyThreadsTest {

    static Scenario<SharedInt> counters(int threads, boolean atomic) {
        Scenario<SharedInt> s =
                Explorer.scenario(threads + " counters" + (atomic ? "" : ", racy"))
                        .setup(() -> new SharedInt("count", 0));
        for (int i = 0; i < threads; i++) {
            s.actor(
                    "T" + i,
                    c -> {
                        if (atomic) {
                            c.incrementAndGet();
                        } else {
                            c.set(c.get() + 1);
                        }
                    });
        }
        return s.check(c -> assertEquals(threads, c.peek(), "every increment counts"));
    }

    @Test
    void aThousandThreadsRunUnderEveryRandomizedStrategyAndTheDefault() {
        for (ExploreOptions o :
                new ExploreOptions[] {
                    ExploreOptions.random(),
                    ExploreOptions.pos(),
                    ExploreOptions.pct(3),
                    ExploreOptions.pctRaces(3),
                    ExploreOptions.surw(),
                    ExploreOptions.exhaustive(),
                    ExploreOptions.defaultSearch()
                }) {
            ExploreResult r = counters(1_000, true).explore(o.maxRuns(3));
            assertEquals(3, r.runs(), r.toString());
        }
    }

    @Test
    void aLostUpdateAmongThreeHundredThreadsIsFoundAndSimplified() {
        ExploreOptions o = ExploreOptions.defaultSearch().maxRuns(200);
        InterleavingFailure raw =
                assertThrows(
                        InterleavingFailure.class,
                        () -> counters(300, false).explore(o.minimize(false)));
        InterleavingFailure f =
                assertThrows(InterleavingFailure.class, () -> counters(300, false).explore(o));
        assertEquals(300, f.report().threads().size());
        assertEquals(raw.report().runs(), f.report().runs(), "the same search found it");
        assertTrue(
                f.report().preemptions() * 10 < raw.report().preemptions(),
                f.report().preemptions()
                        + " preemptions after simplification, "
                        + raw.report().preemptions()
                        + " before");
    }

    @Test
    void dporSaysItsOwnLimitInsteadOfBlamingTheProgram() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () -> counters(100, true).explore(ExploreOptions.dpor().maxRuns(3)));
        assertTrue(
                e.getMessage().contains("DPOR explores runs of at most 64 threads"),
                e.getMessage());
        assertEquals(FailureKind.THREAD_LIMIT, e.kind());
    }

    @Test
    void threadsSpawnedPastSixtyFourAreScheduled() {
        ExploreResult r =
                Explorer.scenario("spawner")
                        .setup(() -> new SharedInt("n", 0))
                        .actor(
                                "main",
                                n -> {
                                    var children =
                                            new java.util.ArrayList<
                                                    io.refguard.explore.ActorHandle>();
                                    for (int i = 0; i < 150; i++) {
                                        children.add(
                                                Coordinator.spawn("c" + i, n::incrementAndGet));
                                    }
                                    for (var c : children) {
                                        Coordinator.join(c);
                                    }
                                })
                        .check(n -> assertEquals(150, n.peek()))
                        .explore(ExploreOptions.random().maxRuns(5));
        assertEquals(5, r.runs());
    }
}
