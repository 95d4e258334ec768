package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Progress lines come once per interval, after the seconds since the start; without a sink none.
 */
class ProgressTest {

    @Test
    void aLineIsDueOncePerInterval() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Progress p = new Progress(lines::add, 50_000_000L);
        assertFalse(p.due(), "nothing is due before the first interval ends");
        Thread.sleep(80);
        assertTrue(p.due());
        p.tell("12 runs, no failure yet");
        assertEquals(List.of("0 s: 12 runs, no failure yet"), lines);
        assertFalse(p.due(), "the next line waits for the next interval");
    }

    @Test
    void withoutASinkNothingIsEverDue() throws InterruptedException {
        Progress p = new Progress(null, 1);
        Thread.sleep(2);
        assertFalse(p.due());
    }

    @Test
    void theOptionCarriesTheSinkThroughEveryCopy() {
        List<String> lines = new ArrayList<>();
        ExploreOptions o = ExploreOptions.defaults().progress(lines::add).maxRuns(5).seed(3);
        o.progressSink().accept("x");
        assertEquals(List.of("x"), lines);
        assertEquals(null, ExploreOptions.defaults().progressSink());
    }
}
