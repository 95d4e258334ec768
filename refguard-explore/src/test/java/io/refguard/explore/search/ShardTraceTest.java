package io.refguard.explore.search;

import static io.refguard.explore.search.BoundedDporTraceTest.preemptions;
import static io.refguard.explore.search.DporTraceTest.X;
import static io.refguard.explore.search.DporTraceTest.Y;
import static io.refguard.explore.search.DporTraceTest.Z;
import static io.refguard.explore.search.DporTraceTest.allSchedules;
import static io.refguard.explore.search.DporTraceTest.r;
import static io.refguard.explore.search.DporTraceTest.w;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.search.DporTraceTest.Op;
import io.refguard.explore.search.DporTraceTest.Sim;
import io.refguard.explore.strategy.Search;
import io.refguard.explore.strategy.Strategies;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The exhaustive search split into shards, driven by tiny abstract programs in place of the
 * runtime: the union of the shards' schedules must be exactly the unsharded search's (which is, by
 * brute force, every schedule within the bound), every shard must end exhausted, and each must run
 * clearly fewer runs than the whole.
 */
class ShardTraceTest {

    /** What one search ran: every run, and the distinct schedules of the completed ones. */
    record Searched(long runs, Set<String> schedules) {}

    static Searched search(Search strategy, List<List<Op>> threads) {
        long runs = 0;
        Set<String> schedules = new HashSet<>();
        while (strategy.hasNextRun()) {
            Sim sim = new Sim(threads);
            RunStatus status = sim.run(strategy.chooser());
            int[] s = sim.schedule();
            strategy.runFinished(
                    status, status == RunStatus.COMPLETED ? preemptions(threads, s) : 0, 0);
            assertEquals(null, strategy.divergence(), "the simulated program is deterministic");
            runs++;
            if (status == RunStatus.COMPLETED) {
                schedules.add(Arrays.toString(s));
            }
        }
        assertTrue(strategy.exhausted(), strategy.describe() + " ends exhausted");
        return new Searched(runs, schedules);
    }

    static Set<String> withinBound(List<List<Op>> threads, int bound) {
        Set<String> out = new HashSet<>();
        for (int[] s : allSchedules(threads)) {
            if (preemptions(threads, s) <= bound) {
                out.add(Arrays.toString(s));
            }
        }
        return out;
    }

    /** Asserts the shards' union is the whole search; returns the most runs one shard made. */
    static long assertShardsCoverTheSearch(
            List<List<Op>> threads, int bound, boolean sleepSets, int shards) {
        Searched whole = search(Strategies.exhaustive(bound, sleepSets), threads);
        if (!sleepSets) {
            assertEquals(withinBound(threads, bound), whole.schedules(), "unsharded " + threads);
        }
        Set<String> union = new HashSet<>();
        long most = 0;
        for (int i = 1; i <= shards; i++) {
            Searched part = search(Strategies.exhaustive(bound, sleepSets, i, shards), threads);
            assertTrue(
                    whole.schedules().containsAll(part.schedules()),
                    "shard " + i + "/" + shards + " runs only schedules of the whole search");
            union.addAll(part.schedules());
            most = Math.max(most, part.runs());
        }
        assertEquals(whole.schedules(), union, shards + " shards of " + threads);
        return most;
    }

    /** {@code threads} threads of {@code steps} writes of one object each. */
    static List<List<Op>> writers(int threads, int steps) {
        List<List<Op>> m = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                ops.add(w(X));
            }
            m.add(ops);
        }
        return m;
    }

    @Test
    void twoAndThreeShardsSplitABoundedSearchOfThreeThreads() {
        List<List<Op>> m = writers(3, 4);
        long whole = search(Strategies.exhaustive(2, false), m).runs();
        for (int shards : new int[] {2, 3}) {
            long most = assertShardsCoverTheSearch(m, 2, false, shards);
            assertTrue(
                    most < whole * 3 / 4,
                    "the busiest of " + shards + " shards ran " + most + " of " + whole + " runs");
        }
    }

    @Test
    void eachBoundLevelIsSplitAndEveryShardReachesTheBound() {
        List<List<Op>> m = writers(2, 8);
        for (int bound = 0; bound <= 3; bound++) {
            assertShardsCoverTheSearch(m, bound, false, 2);
        }
        long whole = search(Strategies.exhaustive(3, false), m).runs();
        long most = assertShardsCoverTheSearch(m, 3, false, 2);
        assertTrue(most < whole * 3 / 4, most + " of " + whole);
    }

    @Test
    void sleepSetsStayAsTheyAreInTheWholeSearch() {
        List<List<Op>> m = List.of(List.of(w(X), r(Y), w(Z)), List.of(r(X), w(Y)), List.of(w(Z)));
        assertShardsCoverTheSearch(m, Integer.MAX_VALUE, true, 2);
        assertShardsCoverTheSearch(m, Integer.MAX_VALUE, true, 3);
    }

    @Test
    void randomSmallModelsAreCoveredByTheirShards() {
        Random rnd = new Random(7_11);
        Object[] targets = {X, Y, Z};
        for (int model = 0; model < 40; model++) {
            int n = 2 + rnd.nextInt(2);
            List<List<Op>> m = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                List<Op> ops = new ArrayList<>();
                int len = 1 + rnd.nextInt(4);
                for (int i = 0; i < len; i++) {
                    ops.add(new Op(targets[rnd.nextInt(3)], Access.values()[rnd.nextInt(3)]));
                }
                m.add(ops);
            }
            int bound = rnd.nextInt(3);
            int shards = 2 + rnd.nextInt(4);
            assertShardsCoverTheSearch(m, bound, false, shards);
            assertShardsCoverTheSearch(m, Integer.MAX_VALUE, rnd.nextBoolean(), shards);
        }
    }

    @Test
    void oneShardIsTheWholeSearchAndShardsDrawTheirOwnSeeds() {
        List<List<Op>> m = writers(3, 3);
        Searched whole = search(Strategies.exhaustive(2, false), m);
        Searched one = search(Strategies.exhaustive(2, false, 1, 1), m);
        assertEquals(whole, one);
        assertEquals(42L, Strategies.shardSeed(42, 1, 1));
        Set<Long> seeds = new HashSet<>();
        for (int i = 1; i <= 8; i++) {
            long s = Strategies.shardSeed(42, i, 8);
            assertEquals(s, Strategies.shardSeed(42, i, 3 + i), "a shard's seed depends on i");
            seeds.add(s);
        }
        assertEquals(8, seeds.size(), "eight shards, eight seed streams");
        assertNotEquals(Strategies.shardSeed(42, 1, 2), Strategies.shardSeed(43, 1, 2));
    }
}
