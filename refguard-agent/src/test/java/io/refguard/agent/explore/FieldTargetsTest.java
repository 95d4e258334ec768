package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.fields.Fields;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Through the agent a field access names its field, not its whole object: DPOR, which runs one
 * schedule per class of schedules equal up to the order of independent steps, takes as many runs
 * for two threads writing two fields of one object, or locking an object while the other writes one
 * of its fields, as for two objects, and more when they write the same field. A field updater or a
 * {@code VarHandle} names no field, so its access depends on every field of its object: the order
 * that fails is run.
 */
class FieldTargetsTest {

    private static final ExploreOptions DPOR = ExploreOptions.dpor().preemptionBound(2);

    private static ExploreResult explore(Class<?> program) {
        ExploreResult r = AgentExplorer.mainClass(program.getName()).explore(DPOR);
        assertTrue(r.exhausted(), r::toString);
        return r;
    }

    @Test
    void twoFieldsOfOneObjectCommuteLikeFieldsOfTwoObjects() {
        long fields = explore(Fields.DifferentFields.class).runs();
        long objects = explore(Fields.DifferentObjects.class).runs();
        long same = explore(Fields.SameField.class).runs();
        assertEquals(objects, fields, "runs for two fields of one object and of two objects");
        assertTrue(same > fields, "one shared field: " + same + " runs, two fields: " + fields);
    }

    @Test
    void aFieldAndItsObjectsMonitorCommute() {
        assertEquals(
                explore(Fields.MonitorOfAnother.class).runs(),
                explore(Fields.MonitorAndField.class).runs());
    }

    @Test
    void aFieldUpdaterDependsOnTheFieldsOfItsObject() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(Fields.UpdaterAndField.class.getName())
                                        .explore(DPOR));
        assertTrue(f.table().contains("saw the other thread's increment"), f.table());
        // the updater's site names no field: it touches every field of its holder
        assertEquals(
                List.of(Instruction.ANY_FIELD),
                fieldsOf("UpdaterAndField", "AtomicIntegerFieldUpdater.incrementAndGet()"));
        assertEquals(List.of("a"), fieldsOf("UpdaterAndField", "volatile read Pair.a"));
    }

    /** The fields named by the instrumented sites of {@code operation} in classes named so. */
    private static List<String> fieldsOf(String classPart, String operation) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < Instructions.count(); id++) {
            Instruction s = Instructions.get(id);
            if (s.className().contains(classPart) && s.operation().equals(operation)) {
                out.add(s.field());
            }
        }
        return out;
    }

    @Test
    void aVarHandleDependsOnTheFieldsOfItsHolder() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(Fields.VarHandleAndField.class.getName())
                                        .explore(DPOR));
        assertTrue(f.table().contains("saw the other thread's add"), f.table());
        assertEquals(
                List.of(Instruction.ANY_FIELD),
                fieldsOf("VarHandleAndField", "VarHandle.getAndAdd()"));
    }
}
