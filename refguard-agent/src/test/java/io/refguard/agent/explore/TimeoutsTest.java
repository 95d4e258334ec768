package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.PollTimeout;
import example.semantics.Pools;
import example.semantics.Waiting;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

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
        ExploreResult r = AgentExplorer.mainClass(BUGGY).args("500").explore();
        assertTrue(r.exhausted(), r::toString);
        r = AgentExplorer.mainClass(BUGGY).args("0").explore();
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
    void safetyNetTimeoutsAreNotReportedInOrderedMode() {
        for (Class<?> c : new Class<?>[] {Waiting.InterruptSleep.class, Pools.InvokeAll.class}) {
            ExploreResult r = AgentExplorer.mainClass(c.getName()).explore();
            assertTrue(r.exhausted(), r::toString);
        }
        // the same programs, with every timeout also taken at once: the nets are hit
        for (Class<?> c : new Class<?>[] {Waiting.InterruptSleep.class, Pools.InvokeAll.class}) {
            assertThrows(
                    InterleavingFailure.class,
                    () ->
                            AgentExplorer.mainClass(c.getName())
                                    .timeouts(TimeoutMode.EARLY)
                                    .explore());
        }
    }

    @Test
    void aBadModePropertyIsRefusedWithTheAccepted() {
        String old = System.getProperty(TimeoutMode.PROPERTY);
        System.setProperty(TimeoutMode.PROPERTY, "sometimes");
        try {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, TimeoutMode::fromProperty);
            assertTrue(e.getMessage().contains("ordered (the default) or early"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(TimeoutMode.PROPERTY);
            } else {
                System.setProperty(TimeoutMode.PROPERTY, old);
            }
        }
    }
}
