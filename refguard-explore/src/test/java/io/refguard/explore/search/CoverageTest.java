package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coverage;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.models.PointsModel;
import io.refguard.explore.sync.SharedInt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The coverage a "no failure" states: the orders of dependent steps the runs showed, and the
 * Good-Turing estimate that a further run shows a new one.
 */
class CoverageTest {

    /** Three threads that each write two shared ints and read them back, in different orders. */
    static final class Cells {
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
    }

    static Scenario<Cells> cells() {
        Scenario<Cells> s = Explorer.scenario("cells").setup(Cells::new);
        for (int t = 0; t < 3; t++) {
            boolean aFirst = t % 2 == 0;
            s.actor(
                    "T" + t,
                    c -> {
                        SharedInt first = aFirst ? c.a : c.b;
                        SharedInt second = aFirst ? c.b : c.a;
                        first.incrementAndGet();
                        second.get();
                        second.incrementAndGet();
                        first.get();
                    });
        }
        return s;
    }

    @Test
    void oneDependentPairShowsBothOrdersAfterTheExhaustiveSearch() {
        ExploreResult r =
                Explorer.scenario("one pair")
                        .setup(() -> new SharedInt("x", 0))
                        .actor("writer", x -> x.set(1))
                        .actor("reader", x -> x.get())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r.toString());
        Coverage c = r.coverage();
        assertEquals(2, c.orders(), r.toString()); // writer before reader, and reader before writer
        assertEquals(r.runs(), c.runs(), r.toString());
        assertFalse(c.capped());
        assertTrue(
                r.guarantee()
                        .contains("coverage: exhaustive within the bound; 2 orders of dependent"),
                r.guarantee());
        assertTrue(r.toString().contains("coverage: 2 orders of dependent steps"), r.toString());
    }

    @Test
    void aThinSearchEstimatesMoreLeftUnseenThanAThoroughOne() {
        ExploreResult thin = cells().explore(ExploreOptions.random().seed(7).maxRuns(4));
        ExploreResult thorough = cells().explore(ExploreOptions.random().seed(7).maxRuns(3000));
        assertEquals(ExploreResult.Stop.MAX_RUNS, thin.stop());
        assertEquals(ExploreResult.Stop.MAX_RUNS, thorough.stop());
        assertTrue(
                thin.coverage().unseen() > thorough.coverage().unseen(), thin + " / " + thorough);
        assertTrue(
                thorough.coverage().orders() > thin.coverage().orders(), thin + " / " + thorough);
        assertTrue(thin.coverage().seenOnce() > 0, thin.toString());
        assertEquals(
                (double) thin.coverage().seenOnce() / thin.runs(), thin.coverage().unseen(), 1e-12);
        assertTrue(
                thin.guarantee().contains("other schedules may fail; coverage: "),
                thin.guarantee());
        assertTrue(
                thin.guarantee()
                        .contains(" of them in only one of 4 runs: a further run is expected"),
                thin.guarantee());
        assertTrue(thin.guarantee().endsWith("(Good-Turing)"), thin.guarantee());
    }

    /** The clauses docs/EXPLORER.md shows (its block {@code coverage-budgets}) are real output. */
    @Test
    void theGuideShowsWhatThinAndThoroughSearchesSay() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (long runs : new long[] {4, 30, 300}) {
            actual.append(
                            cells().explore(ExploreOptions.random().seed(7).maxRuns(runs))
                                    .guarantee())
                    .append('\n');
        }
        Path golden = Path.of("src", "test", "resources", "golden", "coverage-budgets.txt");
        assertEquals(
                Files.readString(golden, StandardCharsets.UTF_8),
                actual.toString(),
                "paste the actual text into " + golden + " and docs/EXPLORER.md");
    }

    @Test
    void theSameRunsGiveTheSameCoverage() {
        Coverage one = cells().explore(ExploreOptions.pos().seed(3).maxRuns(50)).coverage();
        Coverage two = cells().explore(ExploreOptions.pos().seed(3).maxRuns(50)).coverage();
        assertEquals(one, two);
        assertEquals(50, one.runs());
    }

    @Test
    void readsAloneHaveNoOrderToCover() {
        ExploreResult r = PointsModel.exhaustive(2, 3, 2);
        assertEquals(0, r.coverage().orders(), r.toString());
        assertEquals(0.0, r.coverage().unseen());
        assertTrue(r.guarantee().endsWith("so there was no order of them to cover"), r.guarantee());
    }

    @Test
    void threadsOnDifferentObjectsHaveNoOrderToCover() {
        ExploreResult r =
                Explorer.scenario("apart")
                        .setup(Cells::new)
                        .actor("T1", c -> c.a.incrementAndGet())
                        .actor("T2", c -> c.b.incrementAndGet())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(0, r.coverage().orders(), r.toString());
    }
}
