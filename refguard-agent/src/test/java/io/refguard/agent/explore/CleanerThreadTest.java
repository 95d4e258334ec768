package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.CleanedOnGc;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A {@code Cleaner}'s action that the JDK's cleaner thread runs during an exploration is a thread
 * outside refguard's control running the program's code: the exploration is inconclusive and says
 * so, naming the thread and the action, not "runs of one schedule differ".
 */
class CleanerThreadTest {

    @Test
    void aCleaningActionOnTheJdksThreadMakesTheExplorationInconclusive() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                AgentExplorer.mainClass(CleanedOnGc.class.getName())
                                        .explore(
                                                ExploreOptions.random()
                                                        .seed(3)
                                                        .maxRuns(2_000)
                                                        .maxTime(Duration.ofSeconds(60))));
        assertEquals(FailureKind.OUT_OF_CONTROL, e.kind(), e::getMessage);
        assertTrue(e.getMessage().contains("a thread of the JDK's own"), e::getMessage);
        // the program's frame the cleaner thread was in: the action, or code it called, never a
        // method the agent added
        assertTrue(
                e.getMessage().contains("runs the program's code (example.jdk.CleanedOnGc"),
                e::getMessage);
        assertFalse(e.getMessage().contains(".$rg$"), e::getMessage);
        assertTrue(e.getMessage().contains("try-with-resources"), e::getMessage);
    }
}
