package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.multi.app.PooledConnections;
import example.reallibs.CaffeinePrograms;
import example.reallibs.GuavaPrograms;
import example.reallibs.PoolPrograms;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caffeine, Guava and commons-pool2 from Maven Central, explored as programs with the default
 * options: every class of the class path instrumented and re-initialized in every run, the default
 * search. Correct uses end without a failure; a check-then-act across two calls of each library is
 * found as the program's own failed assertion. Runs are capped to keep the class quick.
 */
class RealLibrariesTest {

    private static ExploreOptions options() {
        return ExploreOptions.defaults().maxRuns(120).runTimeout(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                CaffeinePrograms.PutMerge.class,
                CaffeinePrograms.PutGetIfPresent.class,
                CaffeinePrograms.Refresh.class,
                CaffeinePrograms.DefaultExecutorLoadsOnce.class,
                GuavaPrograms.MonitorSlot.class,
                GuavaPrograms.StripedCounters.class,
                GuavaPrograms.TransformedFuture.class,
                PooledConnections.class
            })
    void aCorrectUseEndsWithoutAFailure(Class<?> program) {
        AgentExplorer explorer = AgentExplorer.mainClass(program.getName());
        ExploreResult r = explorer.explore(options());
        assertTrue(r.runs() > 2, r::toString);
        assertTrue(r.schedulingPoints() > r.runs(), "interleaved: " + r);
        assertEquals(0, explorer.instrumentationFailures(), "see standard error");
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                CaffeinePrograms.LostIncrement.class,
                CaffeinePrograms.DefaultExecutorCheckThenLoad.class,
                GuavaPrograms.StripedLostIncrement.class,
                GuavaPrograms.FutureCheckThenSet.class,
                PoolPrograms.PrefillTwice.class
            })
    void aCheckThenActAcrossTwoCallsIsFound(Class<?> program) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(program.getName()).explore(options()));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
        assertTrue(f.getMessage().contains("AssertionError"), f::getMessage);
        assertTrue(f.getMessage().contains("Programs.java:"), "the program's lines: " + f);
    }
}
