package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.UnreadStageFailure;
import example.jdk.UnreadTaskFailure;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/**
 * A submitted task's exception that nothing reads does not fail the run (the JDK keeps it in the
 * future), but the explorer counts the runs that had one and names the first, so that a search that
 * passes can say a check failed where nobody looked.
 */
class LostTaskFailuresTest {

    private static AgentExplorer explored(Class<?> program) {
        AgentExplorer e = AgentExplorer.mainClass(program.getName());
        ExploreResult r = e.explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r::toString);
        return e;
    }

    @Test
    void anUnreadFailureIsCountedAndNamedWithItsLine() {
        AgentExplorer e = explored(UnreadTaskFailure.class);
        LostTaskFailures lost = e.lostTaskFailures();
        assertTrue(lost.runs() > 0, lost::toString);
        int line = SourceMarkers.of(UnreadTaskFailure.class).line("throw");
        assertEquals(
                "java.lang.AssertionError: the check in the task failed at UnreadTaskFailure.java:"
                        + line,
                lost.first());
    }

    @Test
    void anUnreadStageFailureIsCountedAndNamedWithItsLine() {
        LostTaskFailures lost = explored(UnreadStageFailure.class).lostTaskFailures();
        assertTrue(lost.runs() > 0, lost::toString);
        int line = SourceMarkers.of(UnreadStageFailure.class).line("throw");
        assertEquals(
                "java.lang.IllegalStateException: the check in the stage failed at"
                        + " UnreadStageFailure.java:"
                        + line,
                lost.first());
    }

    @Test
    void aStageFailureJoinedHandledOrCombinedIsNotLost() {
        for (Class<?> read :
                new Class<?>[] {
                    UnreadStageFailure.Joined.class,
                    UnreadStageFailure.Handled.class,
                    UnreadStageFailure.Combined.class
                }) {
            LostTaskFailures lost = explored(read).lostTaskFailures();
            assertEquals(0, lost.runs(), () -> read.getSimpleName() + ": " + lost);
        }
    }

    @Test
    void aFailureReadWithGetOrDroppedByInvokeAnyIsNotLost() {
        for (Class<?> read :
                new Class<?>[] {UnreadTaskFailure.Read.class, UnreadTaskFailure.AnyOf.class}) {
            LostTaskFailures lost = explored(read).lostTaskFailures();
            assertEquals(0, lost.runs(), () -> read.getSimpleName() + ": " + lost);
            assertNull(lost.first());
        }
    }
}
