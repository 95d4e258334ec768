package io.refguard.explore.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each exploration is one {@code io.refguard.ExplorationRun} event, read back from a recording. */
class ExplorationRunEventTest {

    private static Scenario<SharedInt> counter(boolean atomic) {
        return Explorer.scenario(atomic ? "atomic counter" : "racy counter")
                .setup(() -> new SharedInt("x", 0))
                .actor("T1", x -> inc(x, atomic))
                .actor("T2", x -> inc(x, atomic))
                .check(x -> assertEquals(2, x.peek()));
    }

    private static void inc(SharedInt x, boolean atomic) {
        if (atomic) {
            x.incrementAndGet();
        } else {
            x.set(x.get() + 1);
        }
    }

    @Test
    void aFailingAndAPassingExplorationAreRecorded(@TempDir Path dir) throws Exception {
        InterleavingFailure f;
        ExploreResult passed;
        Path file = dir.resolve("explore.jfr");
        try (Recording r = new Recording()) {
            r.enable("io.refguard.ExplorationRun");
            r.start();
            f =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> counter(false).explore(ExploreOptions.exhaustive()));
            passed = counter(true).explore(ExploreOptions.exhaustive());
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> runs =
                RecordingFile.readAllEvents(file).stream()
                        .filter(
                                e ->
                                        e.getEventType()
                                                .getName()
                                                .equals("io.refguard.ExplorationRun"))
                        .collect(Collectors.toList());
        assertEquals(2, runs.size(), runs::toString);
        RecordedEvent failed = runs.get(0);
        assertEquals("racy counter", failed.getString("scenario"));
        assertEquals("failed", failed.getString("outcome"));
        assertEquals(f.replayToken(), failed.getString("replayToken"));
        assertEquals(f.report().runs(), failed.getLong("runs"));
        assertTrue(failed.getString("failure").startsWith("final check failed"), failed.toString());
        RecordedEvent ok = runs.get(1);
        assertEquals("exhausted", ok.getString("outcome"));
        assertEquals(passed.runs(), ok.getLong("runs"));
        assertEquals(passed.strategy(), ok.getString("strategy"));
        assertTrue(ok.getDuration().toNanos() > 0);
    }
}
