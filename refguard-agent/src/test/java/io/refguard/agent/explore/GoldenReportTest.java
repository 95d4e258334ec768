package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.explore.MonitorDeadlock;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the whole report of one plain program, as {@code docs/AGENT.md} shows it: a change to how
 * the agent names objects, labels steps or locates them shows up here first. To accept a deliberate
 * change, run with {@code -Drefguard.golden.update=true} and review the diff.
 */
class GoldenReportTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/monitor-deadlock.txt");

    @Test
    void monitorDeadlockReport() throws IOException {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(MonitorDeadlock.class.getName())
                                        .explore(ExploreOptions.exhaustive().preemptionBound(2)));
        if (Boolean.getBoolean("refguard.golden.update")) {
            Files.writeString(GOLDEN, f.table(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), f.table());
    }
}
