package io.refguard.bench.search;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every fix of the corpus is a real program outside the explorer too: run on plain threads (as
 * {@code fray.sh} runs it under another tool's scheduler), its locks exclude and its waits wake, so
 * it passes. A fix is correct in every interleaving, so any run must pass.
 */
class UncontrolledCorpusTest {

    @Test
    void everyFixPassesOnPlainThreads() {
        for (Program p : Corpus.all()) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> {
                        for (int i = 0; i < 3; i++) {
                            p.fixed().runUncontrolled();
                        }
                    },
                    () -> p.name() + " (fixed) did not finish on plain threads");
        }
    }
}
