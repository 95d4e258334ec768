package example;

import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.junit.Exploration;
import io.refguard.junit.ExploreTest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exploration tests: a buggy and a fixed counter, options, and the mistakes the extension catches.
 */
public class ExploreSamples {

    /** The result each passing sample returned, by method name. */
    public static final Map<String, ExploreResult> RESULTS = new ConcurrentHashMap<>();

    @ExploreTest
    void sharedCounterLosesAnUpdate(Exploration exploration) {
        exploration.explore(Hits.scenario(false));
    }

    @ExploreTest
    void stripedCounterCountsEveryHit(Exploration exploration) {
        RESULTS.put("stripedCounterCountsEveryHit", exploration.explore(Hits.scenario(true)));
    }

    @ExploreTest(strategy = "random", maxRuns = 7, seed = "42")
    void randomWalkWithinItsBudget(Exploration exploration) {
        RESULTS.put("randomWalkWithinItsBudget", exploration.explore(Hits.scenario(true)));
    }

    @ExploreTest(strategy = "exhaustive", preemptionBound = 0)
    void boundTooLowToSeeTheRace(Exploration exploration) {
        RESULTS.put("boundTooLowToSeeTheRace", exploration.explore(Hits.scenario(false)));
    }

    @ExploreTest
    void anotherScenario(Exploration exploration) {
        RESULTS.put(
                "anotherScenario",
                exploration.explore(
                        Explorer.scenario("one thread")
                                .setup(() -> new int[1])
                                .actor("only", a -> a[0]++)));
    }

    @ExploreTest
    void plainJavaWithoutTheAgent(Exploration exploration) {
        // AtomicInteger without the agent: no scheduling point, so nothing can be interleaved
        exploration.explore(
                Explorer.scenario("plain counter")
                        .setup(java.util.concurrent.atomic.AtomicInteger::new)
                        .actor("T1", java.util.concurrent.atomic.AtomicInteger::incrementAndGet)
                        .actor("T2", java.util.concurrent.atomic.AtomicInteger::incrementAndGet));
    }

    @ExploreTest
    void forgetsToExplore(Exploration exploration) {
        Hits.scenario(false); // built, never handed over
    }

    /** How often the body of {@link #takesNoExploration()} ran. */
    public static final AtomicInteger PLAIN_BODY_RUNS = new AtomicInteger();

    @ExploreTest
    void takesNoExploration() {
        PLAIN_BODY_RUNS.incrementAndGet();
        Hits.scenario(false).explore();
    }

    @ExploreTest(maxTime = "soon")
    void badDuration(Exploration exploration) {
        exploration.explore(Hits.scenario(true));
    }
}
