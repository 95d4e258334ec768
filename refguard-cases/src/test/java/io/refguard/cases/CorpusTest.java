package io.refguard.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the corpus gets its expected verdict: buggy ones found, fixed ones verified. */
class CorpusTest {

    static Stream<SeedCase> cases() {
        return Cases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseGetsItsExpectedVerdict(SeedCase c) {
        Outcome o = CaseRunner.run(c);
        System.out.println(c + ": " + o.verdict() + " after " + o.schedules() + " runs in " + o.millis() + " ms");
        if (o.table() != null) {
            System.out.println(o.table());
        }
        assertEquals(c.expected(), o.verdict(), () -> c + " got " + o.verdict() + "\n" + o.table());
    }
}
