package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plain {@code @ExploreTest} that passes says which plain fields were no scheduling points, since
 * a race on them was not explored, and how to include them.
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
}
