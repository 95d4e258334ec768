package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.labels.Cancels;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * A report names a cancel as the program made it: a timer task's cancel is not a future's, a
 * timer's cancel is not an executor's {@code shutdownNow}, and a scheduled future is not the pool
 * it runs on.
 */
class CancelLabelsTest {

    @Test
    void eachCancelIsNamedForWhatWasCancelled() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(Cancels.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        String table = f.table();
        SourceMarkers sites = SourceMarkers.of(Cancels.class);
        String[][] cells = {
            {"cancel TimerTask#1", "task"},
            {"cancel Timer-0", "timer"},
            {"cancel ScheduledFuture#1", "once"},
            {"cancel a task of pool-1", "periodic"},
        };
        for (String[] c : cells) {
            String cell = c[0] + " (Cancels.java:" + sites.line(c[1]) + ")";
            assertTrue(table.contains(cell), () -> "expected '" + cell + "' in\n" + table);
        }
    }
}
