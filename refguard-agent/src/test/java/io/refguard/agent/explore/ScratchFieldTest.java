package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.fields.ScratchField;
import io.refguard.agent.AgentOptions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * A plain field written and read back a line later by one thread ({@code current = user; audit[i] =
 * current;}) is two steps, not one folded step: another thread's write between them is tried, by
 * the exhaustive search and by DPOR, and the fix, a local variable, passes.
 */
class ScratchFieldTest {

    private static AgentExplorer program(Class<?> c) {
        return AgentExplorer.mainClass(c.getName())
                .agentOptions(AgentOptions.forProgram(c.getName()).withPlainFields(true));
    }

    @Test
    void anotherWriteBetweenAWriteAndItsReadBackIsFound() {
        for (ExploreOptions o :
                new ExploreOptions[] {
                    ExploreOptions.exhaustive().preemptionBound(2),
                    ExploreOptions.dpor().preemptionBound(2)
                }) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> program(ScratchField.class).explore(o),
                            o::toString);
            assertTrue(f.table().contains("audit stamped"), f::table);
            assertTrue(f.table().contains("write ScratchField.current"), f::table);
        }
    }

    @Test
    void theFixPasses() {
        ExploreResult r =
                program(ScratchField.Fixed.class)
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r::toString);
    }
}
