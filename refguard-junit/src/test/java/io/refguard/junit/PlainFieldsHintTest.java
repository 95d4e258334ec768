package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.explore.LostTaskFailures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plain {@code @ExploreTest} that passes says which plain fields were no scheduling points, since
 * a race on them was not explored, and how to include them; and when a task's exception was never
 * read, that it was lost.
 */
class PlainFieldsHintTest {

    /** A class with a plain counter, as a test body's code under test would have. */
    static final class Tally {
        int count;

        void add() {
            count++;
        }
    }

    @Test
    void aPassNamesThePlainFieldsTheAgentLeftAlone() throws Exception {
        AgentOptions options = AgentOptions.defaults().withInclude(Tally.class.getName());
        Path classes =
                Path.of(Tally.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        PlainFieldsHintTest.class.getClassLoader(), options, List.of(classes))) {
            Class.forName(Tally.class.getName(), true, loader);
        }
        assertEquals(List.of("Tally.count"), options.plainFieldsLeft());

        String hint = Kit.printed(() -> ProgramMethod.hintPlainFields(options, "T.counts()"));
        assertTrue(hint.contains("T.counts() passed"), hint);
        assertTrue(hint.contains("fields the instrumented classes use: Tally.count"), hint);
        assertTrue(hint.contains("<plainFields>true</plainFields>"), hint);

        String none =
                Kit.printed(
                        () ->
                                ProgramMethod.hintPlainFields(
                                        options.withPlainFields(true), "T.counts()"));
        assertEquals("", none, "with plain fields as points there is nothing to hint");
    }

    @Test
    void aPassSaysATasksExceptionWasNeverRead() {
        String hint =
                Kit.printed(
                        () ->
                                ProgramMethod.hintLostTaskFailures(
                                        new LostTaskFailures(
                                                3, "java.lang.AssertionError: 1 at T.java:9"),
                                        "T.counts()"));
        assertTrue(
                hint.startsWith(
                        "refguard: hint: T.counts() passed, but in 3 runs a submitted task or a"
                                + " CompletableFuture stage threw, and nothing read its exception"
                                + " (first: java.lang.AssertionError: 1 at T.java:9)"),
                hint);
        assertEquals(
                "",
                Kit.printed(
                        () ->
                                ProgramMethod.hintLostTaskFailures(
                                        new LostTaskFailures(0, null), "T.counts()")));
    }
}
