package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.refguard.explore.report.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One thread's steps in static initializers read as one row of the table. */
class FoldedInitializersTest {

    private static TraceEvent.Step step(int thread, boolean preemption, String... stack) {
        return new TraceEvent.Step(
                0, thread, "read x", null, null, null, preemption, null, List.of(stack));
    }

    private static final String[] IN_INIT = {
        "a.Log.get(Log.java:4)", "a.Pool.$rg$reinit(Pool.java:10)", "a.Main.main(Main.java:3)"
    };
    private static final String[] IN_MAIN = {"a.Main.main(Main.java:5)"};

    @Test
    void fourOrMoreStepsOfOneThreadInInitializersFoldIntoOneRowNamingTheClasses() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(step(0, false, IN_INIT));
        }
        events.add(step(0, false, IN_MAIN));
        List<TraceEvent> folded = Failures.foldInitializers(events);
        assertEquals(2, folded.size(), folded::toString);
        TraceEvent.Omitted o = assertInstanceOf(TraceEvent.Omitted.class, folded.get(0));
        assertEquals(5, o.steps());
        assertEquals("in static initializers: Pool", o.what());
    }

    @Test
    void anotherThreadInBetweenAPreemptionInsideOrAThreadsLastStepAreKept() {
        List<TraceEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(step(0, false, IN_INIT));
        }
        events.add(step(1, false, IN_MAIN)); // breaks the stretch: 3 steps stay rows
        events.add(step(0, false, IN_INIT));
        events.add(step(0, false, IN_INIT));
        events.add(step(0, true, IN_INIT)); // a preemption inside: kept
        events.add(step(0, false, IN_INIT));
        events.add(step(0, false, IN_INIT)); // thread 0's last step: kept
        events.add(step(1, false, IN_MAIN));
        assertEquals(events, Failures.foldInitializers(events));
    }
}
