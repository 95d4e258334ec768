package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Livelock, stuck threads, exceptions, and runs that are not deterministic. */
class FailureModesTest {

    @Test
    void aSpinThatWritesOnEveryTurnIsReportedAsNoProgress() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("spin")
                                        .setup(
                                                () ->
                                                        new SharedInt[] {
                                                            new SharedInt("flag", 0),
                                                            new SharedInt("turns", 0)
                                                        })
                                        .actor(
                                                "spinner",
                                                s -> {
                                                    while (s[0].get() == 0) {
                                                        // a write on every turn: fair scheduling
                                                        // does not see a spin, and the scheduler
                                                        // may never run the setter
                                                        s[1].set(s[1].get() + 1);
                                                    }
                                                })
                                        .actor("setter", s -> s[0].set(1))
                                        .explore(ExploreOptions.exhaustive().maxSteps(200)));
        assertEquals(FailureKind.LIVELOCK, f.report().failure().kind());
        String summary = f.report().failure().summary();
        assertTrue(summary.contains("more than 200 steps"), f.table());
        // who kept the run going, and how
        assertTrue(summary.contains("In its last 200 steps, spinner took "), summary);
        assertTrue(summary.contains("spinner repeats "), summary);
        // the table keeps the start and the end of the run, not every step of the loop
        long rows = f.table().lines().filter(l -> l.startsWith("| ")).count();
        assertTrue(rows < 150, rows + " rows:\n" + f.table());
        assertTrue(f.table().contains(" steps not shown)"), f.table());
    }

    @Test
    void aThreadBlockedOutsideTheModelIsReportedAsStuckByName() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try {
            InterleavingInconclusive f =
                    assertThrows(
                            InterleavingInconclusive.class,
                            () ->
                                    Explorer.scenario("real latch")
                                            .setup(() -> never)
                                            .actor("sleeper", l -> l.await(30, TimeUnit.SECONDS))
                                            .explore(
                                                    ExploreOptions.exhaustive()
                                                            .runTimeout(Duration.ofMillis(200))));
            assertEquals(FailureKind.STUCK, f.kind());
            assertEquals(FailureKind.STUCK, f.report().failure().kind());
            String summary = f.report().failure().summary();
            assertTrue(
                    summary.startsWith("sleeper has not reached a scheduling point for 200 ms"),
                    f.getMessage());
            assertTrue(
                    summary.contains(
                            "called from io.refguard.explore.scheduling.FailureModesTest.lambda$"),
                    f.getMessage());
            assertTrue(
                    f.getMessage().contains("\" is inconclusive: a thread is stuck"),
                    f.getMessage());
            assertTrue(
                    f.report().failure().details().stream()
                            .anyMatch(l -> l.contains("CountDownLatch")),
                    f.getMessage());
        } finally {
            never.countDown(); // lets the abandoned worker finish and exit
        }
    }

    @Test
    void anExceptionInOneThreadUnwindsTheOthersAndNamesTheThrower() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("thrower")
                                        .setup(() -> new SharedInt("x", 0))
                                        .actor(
                                                "quiet",
                                                x -> {
                                                    for (int i = 0; i < 5; i++) {
                                                        x.get();
                                                    }
                                                })
                                        .actor(
                                                "loud",
                                                x -> {
                                                    x.get();
                                                    throw new UnsupportedOperationException("boom");
                                                })
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(
                "loud threw java.lang.UnsupportedOperationException: boom",
                f.report().failure().summary());
        assertTrue(f.report().failure().location().startsWith("FailureModesTest.java:"));
    }

    @Test
    void aScenarioThatBehavesDifferentlyOnTheSameScheduleIsInconclusive() {
        int[] runs = {0};
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                Explorer.scenario("remembers runs")
                                        .setup(() -> new SharedInt("x", runs[0]++))
                                        .actor(
                                                "T1",
                                                x -> {
                                                    if (x.get() % 2 == 0) {
                                                        x.get();
                                                    }
                                                })
                                        .actor("T2", SharedInt::get)
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.NOT_DETERMINISTIC, e.kind(), e::getMessage);
        assertTrue(e.getMessage().contains("runs of the same schedule differ"), e.getMessage());
    }

    @Test
    void setupFailuresAreTheUsersToFix() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Explorer.scenario("bad setup")
                                        .<Object>setup(
                                                () -> {
                                                    throw new IllegalArgumentException("no config");
                                                })
                                        .actor("T1", s -> {})
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(
                e.getMessage().startsWith("the setup of scenario \"bad setup\" threw"),
                e.getMessage());
    }
}
