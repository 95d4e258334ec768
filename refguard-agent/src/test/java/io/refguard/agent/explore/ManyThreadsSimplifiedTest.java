package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.WornConnections;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * A failure among many threads of a plain program, found at random (POS), is reported with a few
 * preemptions: the simplifier's budget is enough for runs of a thousand steps and more.
 */
class ManyThreadsSimplifiedTest {

    private static InterleavingFailure explore(boolean minimize) {
        return assertThrows(
                InterleavingFailure.class,
                () ->
                        AgentExplorer.mainClass(WornConnections.class.getName())
                                .explore(
                                        ExploreOptions.defaults()
                                                .strategy(ExploreOptions.Strategy.POS)
                                                .seed(3)
                                                .minimize(minimize)));
    }

    @Test
    void aRaceAmongEightyRequestsIsReportedWithAFewPreemptions() {
        InterleavingFailure raw = explore(false);
        InterleavingFailure f = explore(true);
        assertTrue(f.table().contains("query on a closed connection"), f.table());
        // 348 found; 64 left when the sweep over switches started over after each simplification
        assertTrue(raw.report().preemptions() > 40, () -> raw.report().preemptions() + " found");
        assertTrue(
                f.report().preemptions() <= 4,
                () ->
                        f.report().preemptions()
                                + " preemptions after simplification, "
                                + raw.report().preemptions()
                                + " found\n"
                                + f.table());
    }
}
