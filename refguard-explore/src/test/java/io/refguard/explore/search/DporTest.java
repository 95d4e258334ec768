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
import io.refguard.explore.examples.ExampleBugs;
import io.refguard.explore.search.DporTraceTest.Op;
import io.refguard.explore.sync.SharedInt;
import io.refguard.hook.Access;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * DPOR on real scenarios, against the unbounded exhaustive search: it finds the same bugs, reaches
 * the same final states, and runs fewer schedules where steps are independent.
 */
class DporTest {

    static final ExploreOptions FULL =
            ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE);

    /** Unbounded, with sleep sets; the bounded form is checked by BoundedDporTraceTest. */
    static final ExploreOptions DPOR = ExploreOptions.dpor().preemptionBound(Integer.MAX_VALUE);

    @Test
    void findsEveryExampleBugTheFullSearchFinds() {
        for (Map.Entry<String, Supplier<Scenario<?>>> bug : ExampleBugs.all().entrySet()) {
            InterleavingFailure full =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> bug.getValue().get().explore(FULL),
                            bug.getKey() + ", full search");
            InterleavingFailure dpor =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> bug.getValue().get().explore(DPOR),
                            bug.getKey() + ", dpor");
            assertEquals(
                    full.report().failure().kind(), dpor.report().failure().kind(), bug.getKey());
            // The token DPOR hands out replays the same failure.
            InterleavingFailure again =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> bug.getValue().get().replay(dpor.replayToken()),
                            bug.getKey() + ", replay");
            assertEquals(dpor.report().failure().kind(), again.report().failure().kind());
        }
    }

    /**
     * Bounded DPOR raises its bound level by level, as the exhaustive search does, so its first
     * failure has the fewest preemptions of any failing schedule too.
     */
    @Test
    void boundedDporReportsTheFewestPreemptionsAsTheExhaustiveSearchDoes() {
        Map<String, Supplier<Scenario<?>>> bugs = new java.util.LinkedHashMap<>(ExampleBugs.all());
        bugs.put("three preemptions", DporTest::threePreemptions);
        for (Map.Entry<String, Supplier<Scenario<?>>> bug : bugs.entrySet()) {
            InterleavingFailure exhaustive =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    bug.getValue()
                                            .get()
                                            .explore(
                                                    ExploreOptions.exhaustive().preemptionBound(3)),
                            bug.getKey());
            InterleavingFailure dpor =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    bug.getValue()
                                            .get()
                                            .explore(ExploreOptions.dpor().preemptionBound(3)),
                            bug.getKey());
            assertEquals(
                    exhaustive.report().preemptions(), dpor.report().preemptions(), bug.getKey());
        }
    }

    /** A plain field beside two shared ints: T2 must find what T1 wrote before its point. */
    static final class Plain {
        int data;
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
    }

    static Scenario<Plain> plainWriteBeforeAPoint() {
        return Explorer.scenario("plain write before a point")
                .setup(Plain::new)
                .actor(
                        "T1",
                        s -> {
                            s.data = 42;
                            s.a.set(1);
                        })
                .actor(
                        "T2",
                        s -> {
                            s.b.set(1);
                            assertEquals(42, s.data, "T2 ran before T1 wrote");
                        });
    }

    /**
     * Why the default search keeps the exhaustive search (docs/EXPLORER.md): DPOR knows a step by
     * its point alone, and here the steps' points name a and b while the code after them shares a
     * plain field. The exhaustive search orders whole steps and fails at level 0; DPOR counts the
     * steps as commuting and runs one schedule, and its guarantee says what it rests on.
     */
    @Test
    void dporKnowsAStepByItsPointSoPlainCodeBetweenPointsIsNotOrdered() {
        InterleavingFailure exhaustive =
                assertThrows(
                        InterleavingFailure.class,
                        () -> plainWriteBeforeAPoint().explore(ExploreOptions.exhaustive()));
        assertEquals(0, exhaustive.report().preemptions());
        assertThrows(
                InterleavingFailure.class,
                () -> plainWriteBeforeAPoint().explore(ExploreOptions.defaults()));
        ExploreResult dpor = plainWriteBeforeAPoint().explore(ExploreOptions.dpor());
        assertEquals(1, dpor.runs(), dpor.toString());
        assertTrue(
                dpor.guarantee().contains("by what each step's scheduling point names"),
                dpor.guarantee());
    }

    /** T1 writes 1, 2, 3; T2 reads twice and must not see exactly 1 then 2. */
    static final class Steps {
        final SharedInt x = new SharedInt("x", 0);
        int first;
        int second;
    }

    static Scenario<Steps> threePreemptions() {
        return Explorer.scenario("three preemptions")
                .setup(Steps::new)
                .actor(
                        "T1",
                        s -> {
                            s.x.set(1);
                            s.x.set(2);
                            s.x.set(3);
                        })
                .actor(
                        "T2",
                        s -> {
                            s.first = s.x.get();
                            s.second = s.x.get();
                        })
                .check(s -> assertFalse(s.first == 1 && s.second == 2, "T2 saw 1 then 2"));
    }

    @Test
    void findsABugThatNeedsThreePreemptions() {
        ExploreResult bounded =
                threePreemptions().explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(
                bounded.exhausted() && bounded.boundLimited(), "hidden from bound 2: " + bounded);
        InterleavingFailure full =
                assertThrows(InterleavingFailure.class, () -> threePreemptions().explore(FULL));
        InterleavingFailure dpor =
                assertThrows(InterleavingFailure.class, () -> threePreemptions().explore(DPOR));
        assertEquals(3, full.report().preemptions());
        assertEquals(full.report().failure().summary(), dpor.report().failure().summary());
    }

    /** Two threads each write their own object once. */
    static final class Two {
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
        final SharedInt shared = new SharedInt("shared", 0);
    }

    @Test
    void disjointWritesRunFewerSchedulesThanFullSearchButEveryTrace() {
        Scenario<Two> s =
                Explorer.scenario("disjoint writes")
                        .setup(Two::new)
                        .actor("T1", t -> t.a.set(1))
                        .actor("T2", t -> t.b.set(1))
                        .check(t -> assertEquals(2, t.a.peek() + t.b.peek()));
        ExploreResult full = s.explore(FULL);
        ExploreResult dpor = s.explore(DPOR);
        assertTrue(full.exhausted() && dpor.exhausted(), full + " / " + dpor);
        assertFalse(dpor.boundLimited());
        assertTrue(dpor.distinctSchedules() < full.distinctSchedules(), dpor + " vs " + full);
        // The runtime starts each actor with a start step, which commutes with everything.
        Object a = new Object();
        Object b = new Object();
        long traces =
                DporTraceTest.allTraces(
                                List.of(
                                        List.of(DporTraceTest.start(), new Op(a, Access.WRITE)),
                                        List.of(DporTraceTest.start(), new Op(b, Access.WRITE))))
                        .size();
        assertEquals(1, traces);
        // At least one schedule per trace for completeness; with sleep sets, no more than one.
        assertEquals(traces, dpor.distinctSchedules(), dpor.toString());
    }

    @Test
    void correctModelRunsStrictlyFewerSchedules() {
        Scenario<SleepSetTest.State> s = SleepSetTest.scenario("atomic", true, new TreeSet<>());
        ExploreResult full = s.explore(FULL);
        ExploreResult dpor = s.explore(DPOR);
        assertTrue(full.exhausted() && dpor.exhausted(), full + " / " + dpor);
        assertTrue(dpor.distinctSchedules() < full.distinctSchedules(), dpor + " vs " + full);
        assertTrue(dpor.strategy().startsWith("dpor"), dpor.strategy());
    }

    @Test
    void reachesEveryFinalStateOfTheFullSearch() {
        assertSameOutcomes(SleepSetTest::recording);
        assertSameOutcomes(DporTest::counters);
        assertSameOutcomes(DporTest::readersAndWriter);
        assertSameOutcomes(DporTest::lockedLog);
    }

    private static void assertSameOutcomes(BiFunction<String, Set<String>, Scenario<?>> model) {
        Set<String> full = new TreeSet<>();
        Set<String> dpor = new TreeSet<>();
        ExploreResult f = model.apply("full", full).explore(FULL);
        ExploreResult d = model.apply("dpor", dpor).explore(DPOR);
        assertTrue(f.exhausted() && d.exhausted(), f + " / " + d);
        assertTrue(full.size() > 1, "the model has several outcomes: " + full);
        assertEquals(full, dpor, d + " vs " + f);
        assertTrue(d.distinctSchedules() <= f.distinctSchedules(), d + " vs " + f);
    }

    /** Three racy increments of one counter, one thread also bumping a private counter. */
    static Scenario<Two> counters(String name, Set<String> outcomes) {
        return Explorer.scenario(name)
                .setup(Two::new)
                .actor(
                        "T1",
                        t -> {
                            t.a.set(t.a.get() + 1);
                            t.shared.set(t.shared.get() + 1);
                        })
                .actor("T2", t -> t.shared.set(t.shared.get() + 1))
                .actor("T3", t -> t.shared.incrementAndGet())
                .check(t -> outcomes.add(t.a.peek() + "/" + t.shared.peek()));
    }

    @Test
    void pointsWithoutTargetsAreOrderedAgainstEachOther() {
        Scenario<Two> s =
                Explorer.scenario("untargeted points")
                        .setup(Two::new)
                        .actor(
                                "T1",
                                t -> {
                                    Coordinator.point("one");
                                    Coordinator.point("two");
                                })
                        .actor("T2", t -> Coordinator.point("three"))
                        .actor("T3", t -> Coordinator.point("four"))
                        .check(t -> assertEquals(0, t.shared.peek()));
        ExploreResult full = s.explore(FULL);
        ExploreResult dpor = s.explore(DPOR);
        assertTrue(full.exhausted() && dpor.exhausted(), full + " / " + dpor);
        // every order of the four untargeted steps is its own trace; the starts commute
        long traces =
                DporTraceTest.allTraces(
                                List.of(
                                        List.of(
                                                DporTraceTest.start(),
                                                DporTraceTest.unknown(),
                                                DporTraceTest.unknown()),
                                        List.of(DporTraceTest.start(), DporTraceTest.unknown()),
                                        List.of(DporTraceTest.start(), DporTraceTest.unknown())))
                        .size();
        assertEquals(12, traces);
        assertEquals(traces, dpor.distinctSchedules(), dpor + " vs " + full);
    }

    @Test
    void budgetsStopItUnexhausted() {
        Scenario<SleepSetTest.State> s =
                SleepSetTest.scenario("atomic, budget", true, new TreeSet<>());
        ExploreResult r = s.explore(DPOR.maxRuns(2));
        assertEquals(2, r.runs());
        assertEquals(ExploreResult.Stop.MAX_RUNS, r.stop());
        assertFalse(r.exhausted());
    }

    /** Shared state of {@link #lockedLog}. */
    static final class Locked {
        final Object lock = new Object();
        final StringBuilder log = new StringBuilder();
        final SharedInt x = new SharedInt("x", 0);
        int seen;
    }

    /**
     * Two threads append to a log under a lock (the lock step is the only point before the append,
     * so the log is ordered by who locks first) and write {@code x}; a third reads {@code x}
     * without the lock.
     */
    static Scenario<Locked> lockedLog(String name, Set<String> outcomes) {
        return Explorer.scenario(name)
                .setup(Locked::new)
                .actor("T1", t -> appendUnderLock(t, 1))
                .actor("T2", t -> appendUnderLock(t, 2))
                .actor("R", t -> t.seen = t.x.get())
                .check(t -> outcomes.add(t.log + "/" + t.seen + "/" + t.x.peek()));
    }

    private static void appendUnderLock(Locked t, int id) {
        Coordinator.lock(t.lock);
        try {
            t.log.append(id);
            t.x.set(id);
        } finally {
            Coordinator.unlock(t.lock);
        }
    }

    /** Two readers of two cells and one writer of both: the readers see torn or whole states. */
    static Scenario<Two> readersAndWriter(String name, Set<String> outcomes) {
        return Explorer.scenario(name)
                .setup(Two::new)
                .actor(
                        "W",
                        t -> {
                            t.a.set(1);
                            t.b.set(1);
                        })
                .actor("R1", t -> t.shared.set(t.b.get() * 10 + t.a.get()))
                .actor("R2", t -> t.shared.getAndAdd(t.a.get() * 100))
                .check(t -> outcomes.add(String.valueOf(t.shared.peek())));
    }
}
