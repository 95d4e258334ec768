package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import io.refguard.hook.Access;
import org.junit.jupiter.api.Test;

/**
 * The default search, the randomized strategies added for bugs among many threads, PCT's depth as
 * the paper defines it, and the simplification of failures found at random.
 */
class MixedSearchTest {

    static final class Pair {
        final Object lock = new Object();
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
        final SharedInt[] own;

        Pair(int writers) {
            own = new SharedInt[writers];
            for (int i = 0; i < writers; i++) {
                own[i] = new SharedInt("own" + i, 0);
            }
        }
    }

    /** Writers write the pair under a lock after private work; one checker reads it without. */
    static Scenario<Pair> tornPair(int writers) {
        Scenario<Pair> s =
                Explorer.scenario("torn pair, " + writers + " writers")
                        .setup(() -> new Pair(writers));
        for (int i = 0; i < writers; i++) {
            int me = i + 1;
            s.actor(
                    "W" + me,
                    p -> {
                        p.own[me - 1].set(1);
                        p.own[me - 1].set(2);
                        Coordinator.lock(p.lock);
                        p.a.set(me);
                        p.b.set(me);
                        Coordinator.unlock(p.lock);
                    });
        }
        return s.actor(
                "check",
                p -> {
                    int a = p.a.get();
                    int b = p.b.get();
                    assertEquals(a, b, "torn pair");
                });
    }

    @Test
    void aTornPairAmongThirtyOneThreadsIsReportedWithOnePreemption() {
        for (ExploreOptions o :
                new ExploreOptions[] {
                    ExploreOptions.random(),
                    ExploreOptions.pos(),
                    ExploreOptions.surw(),
                    ExploreOptions.pctRaces(3),
                    ExploreOptions.defaultSearch()
                }) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> tornPair(30).explore(o.maxRuns(5_000)),
                            o.toString());
            assertEquals(
                    1,
                    f.report().preemptions(),
                    o + ": " + f.report().foundBy() + "\n" + f.table());
        }
    }

    static final class Value {
        final SharedInt x = new SharedInt("x", 0);
        final SharedInt y = new SharedInt("y", 0);
    }

    /**
     * The reader sees x go from 1 to 2 only if the writer is preempted after its first write and
     * the reader after its first read: two preemptions, three ordering constraints (depth 3 in the
     * sense of the PCT paper). A third thread adds steps.
     */
    static Scenario<Value> depthThree() {
        return Explorer.scenario("depth three")
                .setup(Value::new)
                .actor(
                        "writer",
                        v -> {
                            v.x.set(1);
                            v.x.set(2);
                        })
                .actor(
                        "reader",
                        v -> {
                            int first = v.x.get();
                            int second = v.x.get();
                            assertFalse(first == 1 && second == 2, "saw 1 then 2");
                        })
                .actor(
                        "other",
                        v -> {
                            v.y.set(1);
                            v.y.set(2);
                        });
    }

    @Test
    void pctFindsABugOfDepthThreeAtDepthThreeAndNotBelow() {
        InterleavingFailure exhaustive =
                assertThrows(
                        InterleavingFailure.class,
                        () -> depthThree().explore(ExploreOptions.exhaustive()));
        assertEquals(2, exhaustive.report().preemptions());
        ExploreResult two = depthThree().explore(ExploreOptions.pct(2).maxRuns(3_000));
        assertEquals(3_000, two.runs(), "one change point cannot make two preemptions");
        // at least 1 / (n k^2) per run with n = 3 threads and k = 9 steps: 1 in 243
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    depthThree()
                                            .explore(ExploreOptions.pct(3).seed(s).maxRuns(3_000)));
            assertTrue(f.report().runs() <= 3_000);
        }
    }

    /** A session as plain code announces it: steps name what they do, the target says on what. */
    static final class Session {
        boolean open = true;
        int count = 1;
    }

    /**
     * The request reads {@code open}, then acquires; the logout releases the last count in between.
     * Each verb ("acquire", "release") is used by one thread only, so a strategy that told objects
     * apart by their labels saw no shared object before the acquire and never preempted there.
     */
    static Scenario<Session> sessionLogout() {
        return Explorer.scenario("session logout")
                .setup(Session::new)
                .actor(
                        "request",
                        s -> {
                            Coordinator.point(s, Access.READ, "volatile read open");
                            if (s.open) {
                                Coordinator.point(s, Access.UPDATE, "acquire");
                                assertTrue(s.count > 0, "acquire of a dead session");
                                s.count++;
                            }
                        })
                .actor(
                        "logout",
                        s -> {
                            Coordinator.point(s, Access.UPDATE, "release");
                            s.count--;
                            Coordinator.point(s, Access.WRITE, "volatile write open");
                            s.open = false;
                        });
    }

    @Test
    void pctOverRacingStepsKnowsAnObjectByItsTargetNotByTheVerbsOfItsSteps() {
        for (long seed = 1; seed <= 3; seed++) {
            long s = seed;
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    sessionLogout()
                                            .explore(
                                                    ExploreOptions.pctRaces(2)
                                                            .seed(s)
                                                            .maxRuns(2_000)),
                            "seed " + s);
            assertEquals(1, f.report().preemptions(), f.table());
        }
    }

    @Test
    void theDefaultVerifiesACorrectProgramWithinItsBound() {
        ExploreResult r =
                Explorer.scenario("locked increments")
                        .setup(Value::new)
                        .actor("T1", v -> locked(v))
                        .actor("T2", v -> locked(v))
                        .check(v -> assertEquals(2, v.x.peek()))
                        .explore(ExploreOptions.defaultSearch());
        assertTrue(r.exhausted(), r.toString());
        assertTrue(
                r.strategy().startsWith("default search: exhaustive, preemption bound 2"),
                r.strategy());
        assertTrue(
                r.runs() > 1_000,
                "the randomized searches ran on after the bound was covered: " + r);
    }

    @Test
    void theDefaultEndsWhenTheExhaustivePartRanEverySchedule() {
        ExploreResult r =
                Explorer.scenario("locked increments, no bound")
                        .setup(Value::new)
                        .actor("T1", v -> locked(v))
                        .actor("T2", v -> locked(v))
                        .check(v -> assertEquals(2, v.x.peek()))
                        .explore(ExploreOptions.defaultSearch().preemptionBound(Integer.MAX_VALUE));
        assertTrue(r.exhausted(), r.toString());
        assertFalse(r.boundLimited(), r.toString());
        // the rotation gives the exhaustive part 3 runs in 10; no randomized run follows its end
        long systematic = r.distinctSchedules();
        assertTrue(r.runs() < systematic * 10 / 3 + 10 && r.runs() < 1_000, r::toString);
    }

    private static void locked(Value v) {
        Coordinator.lock(v);
        v.x.set(v.x.get() + 1);
        Coordinator.unlock(v);
    }

    @Test
    void theDefaultFindsWhatTheBoundedSearchAloneDoesNotReachInItsBudget() {
        ExploreResult bounded = tornPair(20).explore(ExploreOptions.exhaustive().maxRuns(3_000));
        assertEquals(
                ExploreResult.Stop.MAX_RUNS, bounded.stop(), "still on 0 preemptions: " + bounded);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> tornPair(20).explore(ExploreOptions.defaultSearch().maxRuns(3_000)));
        assertTrue(f.report().foundBy().startsWith("default search ("), f.report().foundBy());
    }

    @Test
    void sleepSetsAreOffUnderABoundAndSaySo() {
        ExploreResult r = depthThreeFixed().explore(ExploreOptions.exhaustive().sleepSets(true));
        assertTrue(r.strategy().contains("sleep sets off"), r.strategy());
        ExploreResult unbounded =
                depthThreeFixed()
                        .explore(
                                ExploreOptions.exhaustive()
                                        .preemptionBound(Integer.MAX_VALUE)
                                        .sleepSets(true));
        assertTrue(unbounded.strategy().endsWith("sleep sets"), unbounded.strategy());
    }

    private static Scenario<Value> depthThreeFixed() {
        return Explorer.scenario("independent writers")
                .setup(Value::new)
                .actor("T1", v -> v.x.set(1))
                .actor("T2", v -> v.y.set(1));
    }
}
