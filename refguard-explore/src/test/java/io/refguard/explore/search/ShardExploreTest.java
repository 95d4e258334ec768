package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shards of real explorations: each covers its part, says so, and together they find the bug. */
class ShardExploreTest {

    static Scenario<SharedInt> readers() {
        return Explorer.scenario("readers")
                .setup(() -> new SharedInt("x", 0))
                .actor("a", x -> readSome(x))
                .actor("b", x -> readSome(x))
                .actor("c", x -> readSome(x));
    }

    static void readSome(SharedInt x) {
        for (int i = 0; i < 3; i++) {
            x.get();
        }
    }

    @Test
    void exhaustiveShardsEachCoverTheirPartWithFewerRuns() {
        ExploreOptions o = ExploreOptions.exhaustive().preemptionBound(2);
        ExploreResult whole = readers().explore(o);
        long sum = 0;
        for (int i = 1; i <= 2; i++) {
            ExploreResult part = readers().explore(o.shard(i, 2));
            assertTrue(part.exhausted(), part.toString());
            assertEquals("exhaustive, preemption bound 2, shard " + i + "/2", part.strategy());
            assertTrue(
                    part.guarantee().startsWith("this shard's part of the search was run")
                            && part.guarantee().contains("all 2 shards pass"),
                    part.guarantee());
            assertTrue(part.runs() < whole.runs() * 3 / 4, part + " against " + whole);
            sum += part.runs();
        }
        assertTrue(sum >= whole.distinctSchedules(), sum + " runs for " + whole);
        assertTrue(whole.guarantee().startsWith("every schedule within the bound"));
    }

    @Test
    void theDefaultSearchShardsToo() {
        ExploreOptions o = ExploreOptions.defaultSearch().maxRuns(50_000);
        ExploreResult part = readers().explore(o.shard(2, 3));
        assertTrue(part.exhausted(), part.toString());
        assertTrue(part.strategy().endsWith(", shard 2/3"), part.strategy());
    }

    @Test
    void theShardsOfABuggySearchFindTheBugAndTheOthersPass() {
        ExploreOptions o = ExploreOptions.exhaustive().preemptionBound(2);
        int found = 0;
        for (int i = 1; i <= 3; i++) {
            try {
                ExploreResult r = StrategiesTest.publication().explore(o.shard(i, 3));
                assertTrue(r.exhausted(), r.toString());
            } catch (InterleavingFailure f) {
                found++;
                assertTrue(f.report().foundBy().endsWith(", shard " + i + "/3"));
            }
        }
        assertTrue(found >= 1, "some shard owns the failing schedule");
    }

    @Test
    void randomShardsDrawDifferentRunsReproducibly() {
        ExploreOptions o = ExploreOptions.random().seed(3).maxRuns(20_000);
        InterleavingFailure a =
                assertThrows(
                        InterleavingFailure.class,
                        () -> StrategiesTest.publication().explore(o.shard(2, 4)));
        InterleavingFailure b =
                assertThrows(
                        InterleavingFailure.class,
                        () -> StrategiesTest.publication().explore(o.shard(2, 4)));
        InterleavingFailure c =
                assertThrows(
                        InterleavingFailure.class,
                        () -> StrategiesTest.publication().explore(o.shard(3, 4)));
        assertEquals(a.replayToken(), b.replayToken(), "a shard is reproducible");
        assertEquals(a.report().runs(), b.report().runs());
        assertTrue(a.report().foundBy().endsWith(", shard 2/4"), a.report().foundBy());
        assertTrue(c.report().foundBy().endsWith(", shard 3/4"), c.report().foundBy());
        // the failures may coincide (the simplifier brings both to the fewest preemptions); the
        // schedules drawn on the way do not
        assertEquals(draws(2), draws(2), "a shard draws the same runs again");
        assertTrue(!draws(2).equals(draws(3)), "two shards draw different runs");
    }

    /** The orders of four steps that shard {@code i} of 4 of a random search runs, in turn. */
    private static List<List<String>> draws(int i) {
        List<List<String>> runs = new ArrayList<>();
        Explorer.scenario("draws")
                .setup(() -> Collections.synchronizedList(new ArrayList<String>()))
                .actor(
                        "a",
                        log -> {
                            Coordinator.point("a1");
                            log.add("a1");
                            Coordinator.point("a2");
                            log.add("a2");
                        })
                .actor(
                        "b",
                        log -> {
                            Coordinator.point("b1");
                            log.add("b1");
                            Coordinator.point("b2");
                            log.add("b2");
                        })
                .check(log -> runs.add(List.copyOf(log)))
                .explore(ExploreOptions.random().seed(3).maxRuns(40).shard(i, 4));
        return runs;
    }

    @Test
    void dporRefusesToBeSharded() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> readers().explore(ExploreOptions.dpor().shard(1, 2)));
        assertTrue(e.getMessage().startsWith("shard 1/2 cannot be used with the dpor strategy"));
    }
}
