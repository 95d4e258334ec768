package sample.explorations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.refguard.explore.Explorer;
import io.refguard.junit.Exploration;
import io.refguard.junit.ExploreTest;
import sample.cache.FixedCache;
import sample.cache.RacyCache;

/**
 * Plain-Java exploration tests: each body starts two threads that read the same key and checks that
 * the value was loaded once. Not run by Surefire directly (the name does not end in Test); {@link
 * PlainMethodsTest} runs them and checks their outcomes.
 */
class CacheExplorations {

    @ExploreTest
    void racyCacheLoadsOnce() throws InterruptedException {
        RacyCache cache = new RacyCache();
        Thread first = new Thread(() -> cache.get("k"));
        Thread second = new Thread(() -> cache.get("k"));
        first.start();
        second.start();
        first.join();
        second.join();
        assertEquals(1, cache.loads(), "loads of key k");
    }

    /**
     * The same race as a scenario, whose actors call the plain cache: with the agent attached,
     * {@code exploration.explore} explores it through the agent, so the cache's locks and atomics
     * are scheduling points.
     */
    @ExploreTest
    void racyCacheScenario(Exploration exploration) {
        exploration.explore(
                Explorer.scenario("racy cache")
                        .setup(RacyCache::new)
                        .actor("first", c -> c.get("k"))
                        .actor("second", c -> c.get("k"))
                        .check(c -> assertEquals(1, c.loads(), "loads of key k")));
    }

    @ExploreTest
    void fixedCacheLoadsOnce() throws InterruptedException {
        FixedCache cache = new FixedCache();
        Thread first = new Thread(() -> cache.get("k"));
        Thread second = new Thread(() -> cache.get("k"));
        first.start();
        second.start();
        first.join();
        second.join();
        assertEquals(1, cache.loads(), "loads of key k");
    }
}
