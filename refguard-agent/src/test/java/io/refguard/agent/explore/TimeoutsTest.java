package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.PollTimeout;
import example.jdk.SlowWork;
import example.jdk.TimedOutPaths;
import example.semantics.Pools;
import example.semantics.Waiting;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timed waits on the virtual clock ({@link RunModel#block}): which paths each {@link TimeoutMode}
 * explores, shown with a client whose one-second {@code poll} races a server that sleeps.
 */
class TimeoutsTest {

    private static final String BUGGY = PollTimeout.class.getName();
    private static final String FIXED = BUGGY + "$Fixed";

    private static void failsWithNullReply(AgentExplorer explorer) {
        InterleavingFailure f = assertThrows(InterleavingFailure.class, explorer::explore);
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        assertTrue(f.table().contains("NullPointerException"), f.table());
    }

    @Test
    void aServerSlowerThanTheTimeoutMakesThePollTimeOut() {
        failsWithNullReply(AgentExplorer.mainClass(BUGGY).args("2000"));
        assertTrue(AgentExplorer.mainClass(FIXED).args("2000").explore().exhausted());
    }

    @Test
    void aServerFasterThanTheTimeoutAlwaysAnswersInOrderedMode() {
        ExploreResult r =
                AgentExplorer.mainClass(BUGGY).args("500").timeouts(TimeoutMode.ORDERED).explore();
        assertTrue(r.exhausted(), r::toString);
        r = AgentExplorer.mainClass(BUGGY).args("0").timeouts(TimeoutMode.ORDERED).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void deadlinesDueTogetherAreExploredInBothOrders() {
        failsWithNullReply(AgentExplorer.mainClass(BUGGY).args("1000"));
        ExploreResult r = AgentExplorer.mainClass(FIXED).args("1000").explore();
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    @Test
    void earlyModeExploresTheTimedOutPathAgainstAnyServer() {
        failsWithNullReply(AgentExplorer.mainClass(BUGGY).args("0").timeouts(TimeoutMode.EARLY));
        ExploreResult r =
                AgentExplorer.mainClass(FIXED).args("0").timeouts(TimeoutMode.EARLY).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(classes = {SlowWork.SleepStandsForWork.class, SlowWork.ScheduledClose.class})
    void aShortSleepOrDelayMayEndBeforeOtherThreadsWorkInEveryMode(Class<?> program) {
        for (TimeoutMode mode : TimeoutMode.values()) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    AgentExplorer.mainClass(program.getName())
                                            .timeouts(mode)
                                            .explore(),
                            mode::toString);
            assertTrue(f.table().contains("query on a closed connection"), f.table());
            assertTrue(
                    f.table()
                            .contains(
                                    "(ended at once, as if the other threads took longer than its "),
                    f.table());
            ExploreResult r =
                    AgentExplorer.mainClass(program.getName() + "$Fixed").timeouts(mode).explore();
            assertTrue(r.exhausted(), () -> mode + ": " + r);
        }
    }

    @Test
    void aFailureAfterALaterWaitEndedInTimeIsNoSafetyNet() {
        String bug = TimedOutPaths.PhaserRetry.class.getName();
        InterleavingFailure f =
                assertThrows(InterleavingFailure.class, AgentExplorer.mainClass(bug)::explore);
        assertTrue(f.table().contains("the result is not ready: 0"), f.table());
        ExploreResult fixed = AgentExplorer.mainClass(bug + "$Fixed").explore();
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @Test
    void aSecondEarlyTimeoutOfOneThreadIsSearchedOnlyWhenAllowedAndTheVerdictSaysSo() {
        String bug = TimedOutPaths.RetryThenClose.class.getName();
        ExploreResult once = AgentExplorer.mainClass(bug).explore();
        assertTrue(once.exhausted(), once::toString);
        assertEquals(1, once.earlyTimeouts(), once::toString);
        assertTrue(once.earlyTimeoutsHeldBack() > 0, once::toString);
        assertTrue(
                once.guarantee()
                        .contains(
                                "each thread's timed waits timed out at once at most 1 time per"
                                        + " run, so "),
                once::guarantee);
        assertTrue(once.guarantee().contains("--early-timeouts"), once::guarantee);

        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(bug)
                                        .explore(ExploreOptions.defaults().earlyTimeouts(2)));
        assertTrue(f.table().contains("append to a closed segment"), f.table());

        ExploreResult fixed =
                AgentExplorer.mainClass(bug + "$Fixed")
                        .explore(ExploreOptions.defaults().earlyTimeouts(2));
        assertTrue(fixed.exhausted(), fixed::toString);
        assertEquals(0, fixed.earlyTimeoutsHeldBack(), fixed::toString);
        assertTrue(!fixed.guarantee().contains("timed out at once at most"), fixed::guarantee);
    }

    @Test
    void aBugOnlyOnAShortTimeoutsPathIsFoundWithSafetyNetsTheDefaultAndNotInOrderedMode() {
        String bug = TimedOutPaths.AbortOnIdle.class.getName();
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        AgentExplorer.mainClass(bug).timeouts(TimeoutMode.SAFETY_NETS)::explore);
        assertTrue(f.table().contains("buffer released once too often"), f.table());
        assertTrue(
                f.table()
                        .contains(
                                "(ended at once, as if the other threads took longer than its 30 ms)"),
                f.table());
        String html = io.refguard.explore.report.HtmlRenderer.render(f.report());
        assertTrue(
                html.contains(
                        "<tr class=\"event remark\" data-thread=\"2\"><td class=\"no\"></td><td"
                                + " class=\"gap\"></td><td class=\"gap\"></td><td class=\"cell"
                                + " lane-2\">ended at once, as if the other threads took longer"
                                + " than its 30 ms</td>"),
                html);
        assertTrue(
                AgentExplorer.mainClass(bug + "$Fixed")
                        .timeouts(TimeoutMode.SAFETY_NETS)
                        .explore()
                        .exhausted());
        assertThrows(InterleavingFailure.class, AgentExplorer.mainClass(bug)::explore); // default
        ExploreResult ordered =
                AgentExplorer.mainClass(bug).timeouts(TimeoutMode.ORDERED).explore();
        assertTrue(ordered.exhausted(), "ordered mode misses it: " + ordered);
    }

    /**
     * Explores every schedule without a failure, counting expired safety nets, the first of which
     * starts with {@code first}.
     */
    private static void passesWithSafetyNets(AgentExplorer explorer, String first) {
        ExploreResult r = explorer.explore();
        assertTrue(r.exhausted(), r::toString);
        assertTrue(
                explorer.expiredSafetyNets() > 0, () -> "counted " + explorer.expiredSafetyNets());
        assertTrue(
                explorer.firstExpiredSafetyNet().startsWith(first),
                explorer.firstExpiredSafetyNet());
    }

    @Test
    void aTimeoutThatAnotherThreadReportsIsASafetyNetToo() {
        String program = TimedOutPaths.TimeoutReportedByMain.class.getName();
        passesWithSafetyNets( // safety-nets, the default
                AgentExplorer.mainClass(program),
                "main threw java.lang.AssertionError: borrow timed out after 200 ms");
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        AgentExplorer.mainClass(program).timeouts(TimeoutMode.EARLY)::explore);
        assertTrue(f.table().contains("borrow timed out after 200 ms"), f.table());
        assertTrue(
                AgentExplorer.mainClass(program)
                        .timeouts(TimeoutMode.ORDERED)
                        .explore()
                        .exhausted());
        // waiting on a condition, the borrower takes the lock back after its timeout, maybe
        // blocking for it: that ends its wait, and is no wait for the holder's work
        AgentExplorer onCondition =
                AgentExplorer.mainClass(
                        TimedOutPaths.TimeoutReportedByMain.OnCondition.class.getName());
        ExploreResult c = onCondition.explore();
        assertTrue(c.exhausted(), c::toString);
        assertTrue(onCondition.expiredSafetyNets() > 0, c::toString);
    }

    @Test
    void aWaitsTimelyPathCostsNoPreemptionWhereItMayTimeOutEarly() {
        // the reply comes in time on every path that does not cut the wait short; at bound 0 the
        // search may not preempt, so it must take the timely path as a choice of its own
        for (TimeoutMode mode : TimeoutMode.values()) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    AgentExplorer.mainClass(
                                                    TimedOutPaths.ReplyInTime.class.getName())
                                            .timeouts(mode)
                                            .explore(
                                                    ExploreOptions.defaults()
                                                            .strategy(
                                                                    ExploreOptions.Strategy
                                                                            .EXHAUSTIVE)
                                                            .preemptionBound(0)),
                            mode::toString);
            assertTrue(f.table().contains("request buffer released twice"), f.table());
            assertEquals(0, f.report().preemptions(), f.table());
        }
    }

    @Test
    void aFailureAmongManyThreadsIsSimplifiedPastItsTimedWaits() {
        // forty threads interleaved at random: dozens of preemptions before simplification, whose
        // candidates must wait out the main thread's get(1 s): cut short, it is a safety net
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(TimedOutPaths.ManyClients.class.getName())
                                        .timeouts(TimeoutMode.SAFETY_NETS)
                                        .explore(
                                                ExploreOptions.defaults()
                                                        .strategy(ExploreOptions.Strategy.RANDOM)
                                                        .seed(7)));
        assertTrue(f.table().contains("the last seat was sold 2 times"), f.table());
        assertTrue(
                f.report().preemptions() <= 2, () -> f.report().preemptions() + "\n" + f.table());
    }

    @Test
    void aThreadsOwnAssertionRightAfterItsTimeoutExpiredEarlyIsASafetyNet() {
        String program = TimedOutPaths.ConnectTimeout.class.getName();
        passesWithSafetyNets(
                AgentExplorer.mainClass(program).timeouts(TimeoutMode.SAFETY_NETS),
                "main threw java.lang.AssertionError: connect timed out at TimedOutPaths.java:");
        passesWithSafetyNets(
                AgentExplorer.mainClass(TimedOutPaths.ConnectTimeoutOnAThread.class.getName())
                        .timeouts(TimeoutMode.SAFETY_NETS),
                "client threw java.lang.AssertionError");
        InterleavingFailure early =
                assertThrows(
                        InterleavingFailure.class,
                        AgentExplorer.mainClass(program).timeouts(TimeoutMode.EARLY)::explore);
        assertTrue(early.table().contains("connect timed out"), early.table());
        AgentExplorer ordered = AgentExplorer.mainClass(program).timeouts(TimeoutMode.ORDERED);
        assertTrue(ordered.explore().exhausted());
        assertEquals(0, ordered.expiredSafetyNets());
    }

    @Test
    void anAssertionAfterAWaitThatReturnsNothingIsASafetyNetOnlyOnceTheThreadLooked() {
        // join(20), sleep(50) and an await(100 ms) whose answer is dropped end at once, and the
        // thread asserts on the loader's flag without asking whether the loader finished: the
        // program relies on the loader's speed
        for (Class<?> bug :
                new Class<?>[] {
                    TimedOutPaths.JoinAssumesDone.class,
                    TimedOutPaths.SleepAssumesDone.class,
                    TimedOutPaths.LatchResultDropped.class,
                    TimedOutPaths.ResultStoredUnread.class
                }) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            AgentExplorer.mainClass(bug.getName()).timeouts(TimeoutMode.SAFETY_NETS)
                                    ::explore,
                            bug::getName);
            assertTrue(
                    f.table().contains("the configuration was not loaded")
                            || f.table().contains("the connection is already in use"),
                    f.table());
            assertTrue(f.table().contains("(ended at once, as if the other threads"), f.table());
            // the worker of ResultStoredUnread runs before main goes on, a preemption
            assertEquals(
                    bug == TimedOutPaths.ResultStoredUnread.class ? 1 : 0,
                    f.report().preemptions(),
                    f.table());
        }
        // asking isAlive() after the join, or reading the clock in a wait loop, sees the timeout;
        // so does testing what the latch's await returned
        passesWithSafetyNets(
                AgentExplorer.mainClass(TimedOutPaths.LatchResultDropped.Tested.class.getName())
                        .timeouts(TimeoutMode.SAFETY_NETS),
                "main threw java.lang.AssertionError: the configuration was not loaded in 100 ms");
        passesWithSafetyNets(
                AgentExplorer.mainClass(TimedOutPaths.ResultStoredUnread.Tested.class.getName())
                        .timeouts(TimeoutMode.SAFETY_NETS),
                "worker threw java.lang.AssertionError: no connection within 10 ms");
        passesWithSafetyNets(
                AgentExplorer.mainClass(TimedOutPaths.JoinAssumesDone.AsksIfAlive.class.getName())
                        .timeouts(TimeoutMode.SAFETY_NETS),
                "main threw java.lang.AssertionError: the loader is still running");
        passesWithSafetyNets(
                AgentExplorer.mainClass(TimedOutPaths.WaitUntilDeadline.class.getName())
                        .timeouts(TimeoutMode.SAFETY_NETS),
                "main threw java.lang.AssertionError: the configuration was not loaded in 300 ms");
    }

    @Test
    void aPollingLoopStaysFiniteInEarlyMode() {
        ExploreResult r =
                AgentExplorer.mainClass(Waiting.TimedPoll.class.getName())
                        .timeouts(TimeoutMode.EARLY)
                        .explore();
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    @Test
    void safetyNetTimeoutsAreNotReportedInEitherMode() {
        // a sleep of a minute is longer than the early mode's limit, and waiting for a pool to
        // terminate is a safety net whatever its timeout: they time out only when nothing else can
        // go on, in both modes
        for (TimeoutMode mode : TimeoutMode.values()) {
            for (Class<?> c :
                    new Class<?>[] {Waiting.InterruptSleep.class, Pools.InvokeAll.class}) {
                AgentExplorer explorer = AgentExplorer.mainClass(c.getName()).timeouts(mode);
                ExploreResult r = explorer.explore();
                assertTrue(r.exhausted(), () -> mode + ": " + r);
                assertEquals(0, explorer.shortTimedWaits(), () -> mode + " " + c);
            }
        }
    }

    @Test
    void aFiniteScanOfSlotsIsNoSpinThatLetsATimeoutFire() {
        // eight reads of one atomic array through one call site look like a spin after two; the
        // scanning thread is held back, yet main's timed await must not time out while it can
        // still go on
        ExploreResult r = AgentExplorer.mainClass(Waiting.SlotScan.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void orderedModeCountsTheShortWaitsEarlyModeWouldTimeOut() {
        AgentExplorer ordered =
                AgentExplorer.mainClass(FIXED).args("0").timeouts(TimeoutMode.ORDERED);
        ordered.explore();
        assertTrue(ordered.shortTimedWaits() > 0, () -> "counted " + ordered.shortTimedWaits());
        AgentExplorer early = AgentExplorer.mainClass(FIXED).args("0").timeouts(TimeoutMode.EARLY);
        early.explore();
        assertEquals(0, early.shortTimedWaits());
    }

    @Test
    void aBadModePropertyIsRefusedWithTheAccepted() {
        String old = System.getProperty(TimeoutMode.PROPERTY);
        System.setProperty(TimeoutMode.PROPERTY, "sometimes");
        try {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, TimeoutMode::fromProperty);
            assertTrue(
                    e.getMessage().contains("use safety-nets (the default), ordered or early"),
                    e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(TimeoutMode.PROPERTY);
            } else {
                System.setProperty(TimeoutMode.PROPERTY, old);
            }
        }
    }

    @Test
    void timeUnitsSleepJoinAndWaitRunOnTheVirtualClock() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.UnitSleeps.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }
}
