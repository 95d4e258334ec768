package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/**
 * Worker threads are pooled: however many runs and explorations execute, the number of explorer
 * threads stays flat. (The long soak over a million runs, which also watches the heap, is {@code
 * io.refguard.explore.bench.SoakMain}, run by hand.)
 */
class ThreadReuseTest {

    static long explorerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof Worker && t.isAlive())
                .count();
    }

    static Scenario<SharedInt> spawning() {
        return Explorer.scenario("spawning")
                .setup(() -> new SharedInt("n", 0))
                .actor(
                        "T1",
                        n -> {
                            ActorHandle h = Coordinator.spawn("T3", n::incrementAndGet);
                            n.incrementAndGet();
                            Coordinator.join(h);
                        })
                .actor("T2", SharedInt::incrementAndGet);
    }

    @Test
    void threadCountStaysFlatOverManyRunsAndExplorations() {
        spawning().explore(ExploreOptions.exhaustive().maxRuns(50));
        long before = explorerThreads();
        assertTrue(before >= 3, "an exploration of three threads leaves three pooled workers");
        long runs = 0;
        for (int i = 0; i < 20; i++) {
            runs += spawning().explore(ExploreOptions.exhaustive().preemptionBound(3)).runs();
        }
        assertTrue(runs > 1000, "ran " + runs);
        // no growth (other tests' workers may retire meanwhile, so it may shrink)
        assertTrue(
                explorerThreads() <= before,
                explorerThreads() + " threads after, " + before + " before");
        assertTrue(WorkerPool.idleCount() >= 3, "the three workers are back in the pool");
    }
}
