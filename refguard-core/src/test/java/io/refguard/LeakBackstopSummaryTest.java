package io.refguard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.usage.Leaker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The GC backstop's exit summary: one line per acquire site that leaked more than once, with the
 * count. Leaks three handles from one line and collects until the backstop has counted them; the
 * test fails, rather than passes, if it never does.
 */
class LeakBackstopSummaryTest {

    @AfterEach
    void defaults() {
        RefGuard.resetToDefaults();
    }

    @Test
    void aSiteThatLeakedThreeTimesIsSummarizedOnceWithItsCount() throws Exception {
        RefGuard.setMode(CheckMode.TRACKED);
        AutoCloseable held = Leaker.newBuffer();
        String site = null;
        for (int i = 0; i < 3; i++) {
            site = Leaker.leakOne(held);
        }
        String key = site;
        for (int i = 0; i < 200 && LeakBackstop.counts().getOrDefault(key, 0L) < 3; i++) {
            System.gc();
            Thread.sleep(i < 10 ? 10 : 50);
            WatchTable.reportCollected();
        }
        List<String> lines = LeakBackstop.summary();
        assertTrue(
                lines.stream().filter(l -> l.contains(key)).count() == 1,
                () -> key + " in " + lines);
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l ->
                                        l.startsWith(
                                                "refguard: the GC backstop found 3 leaked references"
                                                        + " acquired at "
                                                        + key)),
                () -> key + " in " + lines);
        held.close();
    }
}
