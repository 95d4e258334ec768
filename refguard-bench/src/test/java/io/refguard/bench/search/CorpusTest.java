package io.refguard.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the bug-finding corpus honest: a sample of its bugs is found by the default search, as the
 * kind of failure the program declares, and their fixes are verified within the bound.
 */
class CorpusTest {

    private static final ExploreOptions SEARCH =
            ExploreOptions.defaultSearch().seed(1).maxTime(Duration.ofSeconds(20));

    @Test
    void theCorpusHasFortyProgramsWithUniqueNamesPlusTheSeedCases() {
        List<Program> programs = Corpus.programs();
        assertTrue(programs.size() >= 40, programs.size() + " programs");
        Set<String> names = new HashSet<>();
        Set<String> families = new HashSet<>();
        for (Program p : Corpus.all()) {
            assertTrue(names.add(p.name()), "two programs named " + p.name());
            families.add(p.family());
        }
        assertTrue(families.size() >= 18, "families: " + families);
        assertEquals(io.refguard.cases.Cases.all().size() / 2, Corpus.seedCases().size());
    }

    @Test
    void aSeedCaseRunsThroughTheAgentsAdapter() {
        Program p =
                Corpus.seedCases().stream()
                        .filter(x -> x.name().equals("seed-reftable-iterator"))
                        .findFirst()
                        .orElseThrow();
        Trial bug = Trial.run(p.buggy(), SEARCH, p.viaAgent());
        assertNull(bug.error(), bug.error());
        assertTrue(bug.failed(), "the seed bug was not found");
        assertEquals(p.expected(), bug.kind());
        Trial fix = Trial.run(p.fixed(), SEARCH, p.viaAgent());
        assertTrue(!fix.failed() && fix.verified(), "the seed fix was not verified: " + fix);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "account",
                "reorder-3",
                "deadlock-abba",
                "lost-notify",
                "treiber-aba",
                "double-checked-2",
                "work-stealing-1",
                "driver-1",
                "spin-publish",
                "spin-barrier",
                "spin-lock"
            })
    void theBugIsFoundAndTheFixVerified(String name) {
        Program p =
                Corpus.programs().stream()
                        .filter(x -> x.name().equals(name))
                        .findFirst()
                        .orElseThrow();
        Trial bug = Trial.run(p.buggy(), SEARCH);
        assertNull(bug.error(), bug.error());
        assertTrue(bug.failed(), name + ": the bug was not found");
        assertEquals(p.expected(), bug.kind(), name + ": the failure found");
        Trial fix = Trial.run(p.fixed(), SEARCH);
        assertNull(fix.error(), fix.error());
        assertTrue(!fix.failed() && fix.verified(), name + ": the fix was not verified: " + fix);
    }
}
