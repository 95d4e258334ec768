package io.refguard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.RefGuard;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.sync.SharedInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The checker's mode is JVM-wide: the runner sets the one its caller names for exactly the
 * exploration, and gives the previous one back however the exploration ends.
 */
class ExploredModeTest {

    private static final ExploreOptions ONE_RUN = ExploreOptions.exhaustive().maxRuns(1);

    @Test
    void theCallersModeHoldsDuringTheExplorationAndThePreviousOneAfter() {
        CheckMode before = RefGuard.mode();
        CheckMode other = before == CheckMode.TRACKED ? CheckMode.OFF : CheckMode.TRACKED;
        AtomicReference<CheckMode> during = new AtomicReference<>();
        Explored e =
                Explored.run(
                        o -> {
                            during.set(RefGuard.mode());
                            return Explorer.scenario("counter")
                                    .setup(() -> new SharedInt("count", 0))
                                    .actor("T1", SharedInt::incrementAndGet)
                                    .explore(o);
                        },
                        ExploreOptions.exhaustive(),
                        other);
        assertEquals(other, during.get());
        assertEquals(before, RefGuard.mode());
        assertNotNull(e.result(), "every schedule passed");
        assertEquals(Verdict.VERIFIED, Outcome.of("counter", e).verdict());
    }

    @Test
    void thePreviousModeComesBackWhenTheExplorerThrows() {
        CheckMode before = RefGuard.mode();
        IllegalStateException refused = new IllegalStateException("not deterministic");
        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Explored.run(
                                        o -> {
                                            throw refused;
                                        },
                                        ONE_RUN,
                                        CheckMode.TRACKED));
        assertSame(refused, thrown);
        assertEquals(before, RefGuard.mode());
    }

    @Test
    void aFailingScheduleIsCapturedAndGradedABug() {
        Explored e =
                Explored.run(
                        Target.scenario(
                                Explorer.scenario("lost update")
                                        .setup(() -> new SharedInt("count", 0))
                                        .actor("T1", c -> c.set(c.get() + 1))
                                        .actor("T2", c -> c.set(c.get() + 1))
                                        .check(
                                                c -> {
                                                    if (c.peek() != 2) {
                                                        throw new AssertionError("lost update");
                                                    }
                                                })),
                        ExploreOptions.exhaustive(),
                        CheckMode.TRACKED);
        assertTrue(e.failed());
        assertNotNull(e.token());
        assertEquals(Verdict.BUG_FOUND, Outcome.of("lost update", e).verdict());
    }
}
