package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.refguard.explore.report.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long stretch of steps a thread takes while no other thread exists reads as one row, but its
 * last few steps; steps while another thread is live, even one that waits, stay rows.
 */
class FoldedAloneTest {

    private static TraceEvent.Step step(int thread) {
        return new TraceEvent.Step(0, thread, "read x", null, null, null, false, null, List.of());
    }

    @Test
    void aLongSetupBeforeTheFirstThreadStartsFoldsButItsLastSteps() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(step(0));
        }
        events.add(new TraceEvent.Spawned(0, 1));
        events.add(step(1));
        events.add(step(0));
        List<TraceEvent> folded = Failures.foldAlone(events, 2);
        TraceEvent.Omitted o = assertInstanceOf(TraceEvent.Omitted.class, folded.get(0));
        assertEquals(27, o.steps());
        assertEquals("with no other thread running", o.what());
        assertEquals(events.subList(27, events.size()), folded.subList(1, folded.size()));
    }

    @Test
    void anActorThatHasNotMovedYetIsLive() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(step(0)); // a scenario's second actor exists from the start
        }
        assertEquals(events, Failures.foldAlone(events, 2));
    }

    @Test
    void stepsWhileAnotherThreadIsLiveOrShortStretchesStayRows() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(step(0)); // alone, but too few to fold
        }
        events.add(new TraceEvent.Spawned(0, 1));
        events.add(new TraceEvent.Blocked(1, "lock L"));
        for (int i = 0; i < 40; i++) {
            events.add(step(0)); // the other thread is live, though blocked
        }
        events.add(step(1));
        events.add(new TraceEvent.Finished(1));
        for (int i = 0; i < 40; i++) {
            events.add(step(0)); // alone again, after the other ended: what it left is shown
        }
        assertEquals(events, Failures.foldAlone(events, 2));
    }
}
