package io.refguard.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.run.Outcome;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the corpus gets its expected verdict: each buggy variant's bug is found, with a
 * replay token and a report, and each fix is verified by an exhaustive search within its bound.
 */
class CorpusTest {

    static Stream<SeedCase> cases() {
        return Cases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseGetsItsExpectedVerdict(SeedCase c) {
        Outcome o = Outcomes.of(c);
        assertEquals(c.expected(), o.verdict(), () -> c + " got " + o.verdict() + "\n" + o.table());
        if (c.variant() == Variant.BUGGY) {
            assertNotNull(o.token(), "a found bug has a replay token");
            assertTrue(o.preemptions() <= c.preemptionBound(), "found within the case's bound");
            assertTrue(o.failure().contains(c.expectedText()), o::failure);
        } else {
            assertNull(o.table(), "a verified fix has no failure");
            assertEquals(c.preemptionBound(), o.preemptions(), "verified up to the case's bound");
            assertTrue(o.schedules() > 1, "a verification runs more than one schedule");
        }
    }
}
