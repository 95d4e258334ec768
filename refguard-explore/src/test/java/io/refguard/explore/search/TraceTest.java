package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.InterleavingReport;
import io.refguard.explore.report.TableRenderer;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/** Tracing one schedule by token shows it as a table whether it fails or, after a fix, passes. */
class TraceTest {

    /** Two increments; {@code atomicWrite} keeps the same steps but makes the write count. */
    private static Scenario<SharedInt> counter(boolean atomicWrite) {
        Scenario.Body<SharedInt> increment =
                x -> {
                    int v = x.get();
                    if (atomicWrite) {
                        x.incrementAndGet();
                    } else {
                        x.set(v + 1);
                    }
                };
        return Explorer.scenario("counter")
                .setup(() -> new SharedInt("x", 0))
                .actor("T1", increment)
                .actor("T2", increment)
                .check(x -> assertEquals(2, x.peek(), "both increments count"));
    }

    @Test
    void aFailingScheduleTracesToTheSameEventsAsItsReport() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> counter(false).explore(ExploreOptions.exhaustive()));
        InterleavingReport traced = counter(false).trace(f.replayToken());
        assertFalse(traced.passed());
        assertEquals(f.report().events(), traced.events());
        assertEquals(f.report().failure(), traced.failure());
        assertEquals(f.replayToken(), traced.replayToken());
    }

    @Test
    void aScheduleThatPassesAfterAFixStillRendersAsATable() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> counter(false).explore(ExploreOptions.exhaustive()));
        InterleavingReport traced = counter(true).trace(f.replayToken());
        assertTrue(traced.passed());
        assertEquals(
                f.report().events().size(),
                traced.events().size(),
                "the same steps, in the same order");
        String table = TableRenderer.render(traced);
        assertTrue(
                table.startsWith(
                        "Scenario \"counter\" passed on this schedule (1 preemption).\n\n| step | T1"),
                table);
        assertTrue(table.contains("x.getAndAdd (TraceTest.java:"), table);
        assertTrue(table.contains("Replay: " + f.replayToken()), table);
        assertFalse(table.contains("Failure:"), table);
        assertNotNull(traced.threads());
    }
}
