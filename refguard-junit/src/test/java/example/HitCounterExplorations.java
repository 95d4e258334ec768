package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.refguard.explore.Explorer;
import io.refguard.explore.sync.SharedInt;
import io.refguard.junit.Exploration;
import io.refguard.junit.ExploreTest;

/** The exploration example of docs/JUNIT.md; the docs test keeps its pasted output true. */
public class HitCounterExplorations {

    @ExploreTest(preemptionBound = 2)
    void countsEveryHit(Exploration exploration) {
        exploration.explore(
                Explorer.scenario("hit counter")
                        .setup(() -> new SharedInt("hits", 0))
                        .actor("T1", hits -> hits.set(hits.get() + 1))
                        .actor("T2", hits -> hits.set(hits.get() + 1))
                        .check(hits -> assertEquals(2, hits.peek())));
    }
}
