package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.InterleavingReport;
import io.refguard.explore.sync.SharedInt;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Non-determinism is found step by step (thread and operation), whatever the enabled threads, and
 * the runtime's identity hashes repeat from run to run.
 */
class DeterminismTest {

    @Test
    void aStepAddedInOneRunOfThreeIsNamed() {
        // In every run each thread makes two steps, so the threads able to run are the same at
        // every step of every run with the same choices: only comparing operations finds this.
        int[] runs = {0};
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () -> extraStep("extra step", runs).explore(ExploreOptions.exhaustive()));
        // found in the run with the extra step or the one after it, whichever repeats the other's
        // choices
        assertTrue(
                runs[0] == 3 || runs[0] == 4,
                "found after " + runs[0] + " runs: " + e.getMessage());
        assertEquals(FailureKind.NOT_DETERMINISTIC, e.kind());
        assertTrue(e.kind().inconclusive());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "\nScenario \"extra step\" is inconclusive: runs of the same schedule"
                                        + " differ\n"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\nFailure: At step "), e.getMessage());
        // the run that differed, up to its step that differs, and the token of its choices
        InterleavingReport r = e.report();
        assertNotNull(r, e.getMessage());
        int step = Integer.parseInt(r.failure().summary().replaceAll("^At step (\\d+) .*", "$1"));
        assertEquals(step, r.events().size(), e.getMessage());
        assertEquals(List.of("T1", "T2"), r.threads(), e.getMessage());
        assertTrue(e.getMessage().contains("| step | T1"), e.getMessage());
        assertEquals(r.replayToken(), e.replayToken());
        assertTrue(e.getMessage().contains("Replay: " + r.replayToken()), e.getMessage());
        assertTrue(e.getMessage().contains("not a bug of the program"), e.getMessage());
        assertTrue(e.getMessage().contains("the clock"), e.getMessage());
        String extra = "'extra'";
        String usual = "'x.getAndAdd'"; // SharedInt's label for incrementAndGet
        assertTrue(
                e.getMessage()
                                .contains(
                                        " T1 performed "
                                                + extra
                                                + " where an earlier run of the same schedule"
                                                + " performed "
                                                + usual)
                        || e.getMessage()
                                .contains(
                                        " T1 performed "
                                                + usual
                                                + " where an earlier run"
                                                + " of the same schedule performed "
                                                + extra),
                e.getMessage());
    }

    @Test
    void aRandomSearchComparesWithEveryEarlierRunOfTheSamePrefix() {
        int[] runs = {0};
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                extraStep("extra step, random", runs)
                                        .explore(ExploreOptions.random().maxRuns(200)));
        assertTrue(e.getMessage().contains("runs of the same schedule differ\n"), e.getMessage());
        assertTrue(e.getMessage().contains("'extra'"), e.getMessage());
    }

    /**
     * Thread T1 takes an extra step instead of its first increment in every third run, counted in
     * {@code runs[0]}: the same choices, different operations.
     */
    private static Scenario<SharedInt> extraStep(String name, int[] runs) {
        return Explorer.scenario(name)
                .setup(() -> new SharedInt("x", ++runs[0]))
                .actor(
                        "T1",
                        x -> {
                            if (x.peek() % 3 == 0) {
                                Coordinator.point("extra");
                            } else {
                                x.incrementAndGet();
                            }
                            x.incrementAndGet();
                        })
                .actor(
                        "T2",
                        x -> {
                            x.incrementAndGet();
                            x.incrementAndGet();
                        });
    }

    /** State kept from the first run only: a lazily initialized cache, filled once. */
    private static final class LazyInit {
        static volatile boolean filled;
    }

    @ParameterizedTest
    @EnumSource(
            value = ExploreOptions.Strategy.class,
            names = {"EXHAUSTIVE", "DPOR", "DEFAULT"})
    void aOneTimeLazyInitializationInTheFirstRunIsAWarmUpNotANonDeterminism(
            ExploreOptions.Strategy strategy) {
        LazyInit.filled = false;
        int[] runs = {0};
        ExploreResult r =
                Explorer.scenario("lazy init")
                        .setup(
                                () -> {
                                    runs[0]++;
                                    return new SharedInt("x", 0);
                                })
                        .actor(
                                "T1",
                                x -> {
                                    if (!LazyInit.filled) {
                                        Coordinator.point("fill the cache");
                                        LazyInit.filled = true;
                                    }
                                    x.incrementAndGet();
                                })
                        .actor("T2", x -> x.incrementAndGet())
                        .check(x -> assertEquals(2, x.get()))
                        .explore(ExploreOptions.defaults().strategy(strategy).maxRuns(200));
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(runs[0] >= 3, "runs after the warm-up: " + runs[0]);
    }

    @ParameterizedTest
    @EnumSource(
            value = ExploreOptions.Strategy.class,
            names = {"EXHAUSTIVE", "DPOR"})
    void aWarmUpCostsTheSearchNoSchedule(ExploreOptions.Strategy strategy) {
        Set<List<String>> plain = orders(strategy, true);
        Set<List<String>> warmedUp = orders(strategy, false);
        assertEquals(6, plain.size(), "every order of two steps each: " + plain);
        assertEquals(plain, warmedUp);
    }

    @Test
    void aWarmUpThatChangesWhatAStepTouchesCostsDporNoSchedule() {
        // in the warm-up T1's first step touches an object of its own, later the shared one: the
        // threads able to run are the same, only the operation differs
        Set<List<String>> plain = touches(true);
        Set<List<String>> warmedUp = touches(false);
        assertEquals(plain, warmedUp);
        assertTrue(plain.size() >= 3, "T2 before, between and after T1's steps: " + plain);
    }

    private static Set<List<String>> touches(boolean filled) {
        LazyInit.filled = filled;
        Object shared = new Object();
        List<List<String>> runs = new ArrayList<>();
        Explorer.scenario("touches")
                .setup(() -> java.util.Collections.synchronizedList(new ArrayList<String>()))
                .actor(
                        "T1",
                        log -> {
                            if (LazyInit.filled) {
                                Coordinator.point(shared, Access.UPDATE, "a1");
                            } else {
                                Coordinator.point(new Object(), Access.UPDATE, "fill");
                                LazyInit.filled = true;
                            }
                            log.add("a1");
                            Coordinator.point(shared, Access.UPDATE, "a2");
                            log.add("a2");
                        })
                .actor(
                        "T2",
                        log -> {
                            Coordinator.point(shared, Access.UPDATE, "b1");
                            log.add("b1");
                        })
                .check(log -> runs.add(List.copyOf(log)))
                .explore(ExploreOptions.dpor());
        return new HashSet<>(filled ? runs : runs.subList(1, runs.size()));
    }

    /**
     * The orders in which two threads of two steps each ran; with {@code filled} false, T1 fills a
     * cache in the first run only, an extra step of its own, and that run is left out.
     */
    private static Set<List<String>> orders(ExploreOptions.Strategy strategy, boolean filled) {
        LazyInit.filled = filled;
        List<List<String>> runs = new ArrayList<>();
        Explorer.scenario("orders")
                .setup(() -> java.util.Collections.synchronizedList(new ArrayList<String>()))
                .actor(
                        "T1",
                        log -> {
                            if (!LazyInit.filled) {
                                Coordinator.point("fill the cache");
                                LazyInit.filled = true;
                            }
                            Coordinator.point("a1");
                            log.add("a1");
                            Coordinator.point("a2");
                            log.add("a2");
                        })
                .actor(
                        "T2",
                        log -> {
                            Coordinator.point("b1");
                            log.add("b1");
                            Coordinator.point("b2");
                            log.add("b2");
                        })
                .check(log -> runs.add(List.copyOf(log)))
                .explore(ExploreOptions.defaults().strategy(strategy).preemptionBound(10));
        return new HashSet<>(filled ? runs : runs.subList(1, runs.size()));
    }

    /**
     * A thread pinned in one later run only, as a thread is while the JVM first initializes a class
     * that an earlier run did not use: its decisions there offer that thread alone, and the same
     * decisions offer every thread in the runs after. That is no difference between runs, and the
     * search still tries the other threads at those decisions.
     */
    @ParameterizedTest
    @EnumSource(
            value = ExploreOptions.Strategy.class,
            names = {"EXHAUSTIVE", "DPOR", "DEFAULT"})
    void aDecisionPinnedInOneRunIsNoDifference(ExploreOptions.Strategy strategy) {
        Set<List<String>> plain = pinnedOrders(strategy, -1);
        for (int pinnedRun = 2; pinnedRun <= 4; pinnedRun++) {
            assertEquals(
                    plain,
                    pinnedOrders(strategy, pinnedRun),
                    "T1 pinned at its first step in run " + pinnedRun);
        }
        assertEquals(10, plain.size(), "every order of three steps and two: " + plain);
    }

    /**
     * The orders of T1's three steps and T2's two; T1 pinned at its first in run {@code pinned}.
     */
    private static Set<List<String>> pinnedOrders(ExploreOptions.Strategy strategy, int pinned) {
        int[] runs = {0};
        List<List<String>> orders = new ArrayList<>();
        ExploreResult r =
                Explorer.scenario("pinned once")
                        .setup(
                                () -> {
                                    runs[0]++;
                                    return java.util.Collections.synchronizedList(
                                            new ArrayList<String>());
                                })
                        .actor(
                                "T1",
                                log -> {
                                    boolean pin = runs[0] == pinned;
                                    if (pin) {
                                        Coordinator.pin(true);
                                    }
                                    Coordinator.point("a1");
                                    log.add("a1");
                                    if (pin) {
                                        Coordinator.pin(false);
                                    }
                                    Coordinator.point("a2");
                                    log.add("a2");
                                    Coordinator.point("a3");
                                    log.add("a3");
                                })
                        .actor(
                                "T2",
                                log -> {
                                    Coordinator.point("b1");
                                    log.add("b1");
                                    Coordinator.point("b2");
                                    log.add("b2");
                                })
                        .check(log -> orders.add(List.copyOf(log)))
                        .explore(
                                ExploreOptions.defaults()
                                        .strategy(strategy)
                                        .preemptionBound(10)
                                        .maxRuns(2_000));
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        return new HashSet<>(orders);
    }

    @Test
    void identityHashesRepeatInEveryRunOfTheSameSchedule() {
        assertEquals(0, Coordinator.identityHash(), "no exploration on this thread");
        List<List<Integer>> runs = new ArrayList<>();
        ExploreResult r = hashes(runs).explore(ExploreOptions.exhaustive());
        assertTrue(r.runs() >= 2, r::toString);
        Set<Integer> setupHashes = new HashSet<>();
        Set<Set<Integer>> perRun = new HashSet<>();
        for (List<Integer> h : runs) {
            assertEquals(3, new HashSet<>(h).size(), "distinct: " + h);
            assertTrue(h.stream().allMatch(v -> v > 0), "positive: " + h);
            setupHashes.add(h.get(0));
            perRun.add(new HashSet<>(h));
        }
        assertEquals(
                1,
                setupHashes.size(),
                "setup, on the driver, takes the first number in every run: " + runs);
        assertEquals(
                1,
                perRun.size(),
                "every run hands out the same numbers, in its schedule's order: " + runs);

        List<List<Integer>> again = new ArrayList<>();
        hashes(again).explore(ExploreOptions.exhaustive());
        assertEquals(runs, again, "the same schedules get the same hashes in another exploration");
        assertEquals(0, Coordinator.identityHash(), "none once the explorations ended");
    }

    /** Setup takes one hash, each actor one: every run records what it got, in order. */
    private static Scenario<List<Integer>> hashes(List<List<Integer>> runs) {
        return Explorer.scenario("hashes")
                .setup(
                        () -> {
                            List<Integer> h = new ArrayList<>();
                            h.add(Coordinator.identityHash());
                            return h;
                        })
                .actor(
                        "T1",
                        h -> {
                            Coordinator.point("before");
                            h.add(Coordinator.identityHash());
                        })
                .actor(
                        "T2",
                        h -> {
                            Coordinator.point("before");
                            h.add(Coordinator.identityHash());
                        })
                .check(h -> runs.add(List.copyOf(h)));
    }
}
