package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a verdict says of coverage when the count of orders stopped at its memory bound. */
class CoverageSentenceTest {

    @Test
    void aCountCutByItsMemoryBoundGivesNoEstimate() {
        String s = new Coverage(65_536, 0, 8_356, true).sentence(ExploreResult.Stop.MAX_TIME);
        assertTrue(
                s.startsWith(
                        "coverage: at least 65536 orders of dependent steps seen in 8356 runs"),
                s);
        assertTrue(s.contains("no estimate of unseen orders can be given"), s);
        assertFalse(s.contains("not expected to show"), s);
    }

    @Test
    void anUncutCountGivesTheEstimate() {
        String s = new Coverage(100, 0, 50, false).sentence(ExploreResult.Stop.MAX_RUNS);
        assertTrue(s.contains("a further run is not expected to show a new one (Good-Turing)"), s);
    }
}
