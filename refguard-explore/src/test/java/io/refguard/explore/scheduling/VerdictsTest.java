package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The three verdicts: a failure of the program, no failure with its guarantee, and inconclusive
 * when refguard could not control the program.
 */
class VerdictsTest {

    @Test
    void threadsThatNeverReachASchedulingPointAreInconclusiveNotAPass() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("plain java")
                                        .setup(AtomicInteger::new) // not instrumented here: no
                                        // scheduling points
                                        .actor("T1", AtomicInteger::incrementAndGet)
                                        .actor("T2", AtomicInteger::incrementAndGet)
                                        .check(c -> assertEquals(2, c.get()))
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.NOT_INSTRUMENTED, e.kind());
        assertNull(e.report());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Scenario \"plain java\" is inconclusive: nothing was interleaved."),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("prepare-agent")
                        && e.getMessage().contains("@{argLine}")
                        && e.getMessage().contains("include"),
                e.getMessage());
    }

    @Test
    void aSingleActorWithoutPointsHasNothingToInterleaveAndPasses() {
        ExploreResult r =
                Explorer.scenario("sequential")
                        .setup(AtomicInteger::new)
                        .actor("T1", AtomicInteger::incrementAndGet)
                        .check(c -> assertEquals(1, c.get()))
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r.toString());
        assertEquals(0, r.choicePoints(), r.toString());
    }

    @Test
    void actorsWithOneStepEachAreExploredAndPassWithTheirGuarantee() {
        ExploreResult r =
                Explorer.scenario("one step each")
                        .setup(() -> new SharedInt("x", 0))
                        .actor("T1", x -> x.incrementAndGet())
                        .actor("T2", x -> x.incrementAndGet())
                        .check(x -> assertEquals(2, x.peek()))
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted());
        assertTrue(r.distinctSchedules() > 1, r.toString());
        assertTrue(r.choicePoints() >= 2, r.toString());
        assertTrue(r.schedulingPoints() >= r.choicePoints(), r.toString());
        assertTrue(r.guarantee().startsWith("every schedule"), r.guarantee());
        assertTrue(r.toString().contains("choice points"), r.toString());
    }

    @Test
    void dporStatesItsOwnGuarantee() {
        ExploreResult r =
                Explorer.scenario("dpor")
                        .setup(() -> new SharedInt("x", 0))
                        .actor("T1", x -> x.incrementAndGet())
                        .actor("T2", x -> x.incrementAndGet())
                        .explore(ExploreOptions.dpor().preemptionBound(Integer.MAX_VALUE));
        assertTrue(r.exhausted(), r.toString());
        assertEquals(
                "a schedule of every class of equivalent schedules was run (dpor, sleep sets);"
                        + " schedules count as equivalent by what each step's scheduling point"
                        + " names, so shared memory touched between points without a point of its"
                        + " own was not told apart;"
                        + " coverage: exhaustive within the bound; 2 orders of dependent steps seen"
                        + " (the Good-Turing estimate of new orders in a further run, 1.0, is only"
                        + " informational here)",
                r.guarantee());
    }

    @Test
    void boundedDporSaysWhatItLeftOut() {
        ExploreResult r =
                Explorer.scenario("bounded dpor")
                        .setup(() -> new SharedInt("x", 0))
                        .actor("T1", x -> x.set(x.get() + 1))
                        .actor("T2", x -> x.set(x.get() + 1))
                        .explore(ExploreOptions.dpor().preemptionBound(0));
        assertTrue(r.exhausted() && r.boundLimited(), r.toString());
        assertEquals(
                "a schedule of every class of equivalent schedules that has one within the bound"
                        + " was run (dpor, preemption bound 0); classes that need more preemptions"
                        + " were not; schedules count as equivalent by what each step's scheduling"
                        + " point names, so shared memory touched between points without a point of"
                        + " its own was not told apart; coverage: exhaustive within the bound; 4 orders of dependent"
                        + " steps seen (the Good-Turing estimate of new orders in a further run, 2.0,"
                        + " is only informational here)",
                r.guarantee());
    }

    @Test
    void aBudgetSaysItGivesNoGuarantee() {
        ExploreResult r =
                Explorer.scenario("budget")
                        .setup(() -> new SharedInt("x", 0))
                        .actor("T1", x -> x.incrementAndGet())
                        .actor("T2", x -> x.incrementAndGet())
                        .explore(ExploreOptions.exhaustive().maxRuns(1));
        assertEquals(ExploreResult.Stop.MAX_RUNS, r.stop());
        assertTrue(r.guarantee().contains("other schedules may fail"), r.guarantee());
    }

    @Test
    void aRunOverTheThreadLimitIsInconclusiveNotABugOfTheProgram() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("many threads")
                                        .setup(() -> new SharedInt("x", 0))
                                        .actor(
                                                "spawner",
                                                x -> {
                                                    for (int i = 0; i < 4_100; i++) {
                                                        Coordinator.spawn(
                                                                "w" + i, x::incrementAndGet);
                                                    }
                                                })
                                        .explore(ExploreOptions.exhaustive().maxRuns(1)));
        assertEquals(FailureKind.THREAD_LIMIT, e.kind());
        assertTrue(
                e.report()
                        .failure()
                        .summary()
                        .startsWith("a run of the explorer may have at most 4096 threads"),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("is inconclusive: too many threads for the explorer"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Verdict: inconclusive."), e.getMessage());
    }

    @Test
    void catchingTheLimitInTheProgramDoesNotHideIt() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("swallows")
                                        .setup(() -> new SharedInt("x", 0))
                                        .actor(
                                                "spawner",
                                                x -> {
                                                    for (int i = 0; i < 4_100; i++) {
                                                        try {
                                                            Coordinator.spawn(
                                                                    "w" + i, x::incrementAndGet);
                                                        } catch (RuntimeException ignored) {
                                                            // a program that goes on regardless
                                                        }
                                                    }
                                                })
                                        .explore(ExploreOptions.exhaustive().maxRuns(1)));
        assertEquals(FailureKind.THREAD_LIMIT, e.kind());
    }

    @Test
    void aSetupThatBlocksIsBoundedAndInconclusive() throws Exception {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("blocking setup")
                                        .setup(
                                                () -> {
                                                    awaitQuietly(never);
                                                    return new SharedInt("x", 0);
                                                })
                                        .actor("T1", x -> x.incrementAndGet())
                                        .explore(
                                                ExploreOptions.exhaustive()
                                                        .runTimeout(
                                                                java.time.Duration.ofMillis(200))));
        assertEquals(FailureKind.STUCK, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Scenario \"blocking setup\" is inconclusive: the setup has not"
                                        + " returned for 200 ms."),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "called from io.refguard.explore.scheduling.VerdictsTest.awaitQuietly"),
                e.getMessage());
        assertTrue(
                !e.getMessage().contains("left running"),
                "an interruptible wait is stopped: " + e.getMessage());
    }

    @Test
    void aFinalCheckThatBlocksIsBoundedToo() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("blocking check")
                                        .setup(() -> new SharedInt("x", 0))
                                        .actor("T1", x -> x.incrementAndGet())
                                        .check(x -> never.await())
                                        .explore(
                                                ExploreOptions.exhaustive()
                                                        .runTimeout(
                                                                java.time.Duration.ofMillis(200))));
        assertTrue(
                e.getMessage().contains("is inconclusive: the final check has not returned"),
                e.getMessage());
    }

    /**
     * The time budget ends a long run at its next point, not after it; when that is the first run,
     * no run finished, and the exploration is inconclusive rather than clean.
     */
    @Test
    void theTimeBudgetEndsALongFirstRunAtItsNextPointAndNothingIsJudged() {
        int steps = 200_000;
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("long run")
                                        .setup(() -> new SharedInt("x", 0))
                                        .actor(
                                                "T1",
                                                x -> {
                                                    for (int i = 0; i < steps; i++) {
                                                        x.incrementAndGet();
                                                    }
                                                })
                                        .actor(
                                                "T2",
                                                x -> {
                                                    for (int i = 0; i < steps; i++) {
                                                        x.incrementAndGet();
                                                    }
                                                })
                                        .explore(
                                                ExploreOptions.random()
                                                        .maxSteps(1_000_000)
                                                        .maxTime(java.time.Duration.ofMillis(50))));
        assertEquals(FailureKind.UNFINISHED, e.kind(), e.getMessage());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("after (\\d+) scheduling points")
                        .matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        assertTrue(Long.parseLong(m.group(1)) < 2L * steps, "the run was cut short: " + e);
        assertTrue(e.getMessage().contains("--max-time"), e.getMessage());
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Test
    void aStuckThreadThatCannotBeStoppedIsNamedInTheReport() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean release =
                new java.util.concurrent.atomic.AtomicBoolean();
        try {
            InterleavingInconclusive e =
                    assertThrows(
                            InterleavingInconclusive.class,
                            () ->
                                    Explorer.scenario("deaf spinner")
                                            .setup(() -> new SharedInt("x", 0))
                                            .actor(
                                                    "deaf",
                                                    x -> {
                                                        x.incrementAndGet();
                                                        while (!release.get()) {
                                                            Thread.onSpinWait(); // ignores
                                                            // interrupts,
                                                            // reaches no
                                                            // scheduling
                                                            // point
                                                        }
                                                    })
                                            .explore(
                                                    ExploreOptions.exhaustive()
                                                            .runTimeout(
                                                                    java.time.Duration.ofMillis(
                                                                            200))));
            assertEquals(FailureKind.STUCK, e.kind());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "Note: deaf did not stop when interrupted and is left running"),
                    e.getMessage());
        } finally {
            release.set(true);
        }
    }

    @Test
    void aStuckThreadThatStopsWhenInterruptedIsNotReportedAsLeft() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("interruptible")
                                        .setup(() -> never)
                                        .actor(
                                                "sleeper",
                                                java.util.concurrent.CountDownLatch::await)
                                        .explore(
                                                ExploreOptions.exhaustive()
                                                        .runTimeout(
                                                                java.time.Duration.ofMillis(200))));
        assertTrue(!e.getMessage().contains("left running"), e.getMessage());
    }
}
