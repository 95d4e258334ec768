package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.PoolHooks;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import org.junit.jupiter.api.Test;

/**
 * The program's own subclass of {@code ThreadPoolExecutor} runs on the model with its hooks ({@link
 * PoolSubclasses}): before, its calls reached the real pool, which cannot start a thread under
 * exploration, and every run ended inconclusive.
 */
class PoolHooksTest {

    @Test
    void theHooksOfAPoolSubclassRunAsTheJdksWorkerRunsThem() {
        ExploreResult r =
                AgentExplorer.mainClass(PoolHooks.AllAudited.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aHookRunsOnTheWorkerAsExploredCode() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(PoolHooks.SharedTimings.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("without synchronization"), f.getMessage());
        assertTrue(f.table().contains("pool-1-thread-2"), f.table());
    }

    @Test
    void aSubclassThatOverridesExecuteAndCallsSuperRunsOnTheModel() {
        ExploreResult r =
                AgentExplorer.mainClass(PoolHooks.ContextCarried.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aScheduledPoolSubclassGetsItsHooksAndDecorateTaskToo() {
        ExploreResult r =
                AgentExplorer.mainClass(PoolHooks.ScheduledAudited.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
        InterleavingInconclusive f =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                AgentExplorer.mainClass(PoolHooks.ScheduledWrapped.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(
                f.getMessage().contains("decorateTask returns a task of its own"), f::getMessage);
    }
}
