package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.unsafe.UnsafeRefCount;
import io.refguard.agent.SourceMarkers;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code sun.misc.Unsafe} accesses of an object's memory (volatile gets and puts, compare-and-swap,
 * get-and-add) are scheduling points on that object, as field updaters are: a reference count kept
 * through Unsafe whose release checks and then decrements is found released twice, and its
 * compare-and-swap fix passes. The access names no field, so it depends on every field of its
 * object (a volatile read of the count included), on an array's elements and, through {@code
 * staticFieldBase}, on a class's static fields; an access at an absolute address (a null base) is a
 * point on the one location of all memory outside the heap. With plain fields, the plain gets and
 * puts are points too.
 */
class UnsafeAccessesTest {

    private static final ExploreOptions EXHAUSTIVE = ExploreOptions.exhaustive().preemptionBound(2);
    private static final ExploreOptions DPOR = ExploreOptions.dpor().preemptionBound(2);

    private static String cell(String text, String marker) {
        return text
                + " (UnsafeRefCount.java:"
                + SourceMarkers.of(UnsafeRefCount.class).line(marker)
                + ")";
    }

    @Test
    void aCheckThenReleaseThroughUnsafeIsFound() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(UnsafeRefCount.class.getName())
                                        .explore(EXHAUSTIVE));
        String table = f.table();
        // each access is a step of its own, labelled by the operation, its object and its line
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), table);
        assertTrue(table.contains("released twice: the count was 0"), table);
        for (String cell :
                new String[] {
                    cell("Unsafe.getIntVolatile() Counted#1", "check"),
                    cell("Unsafe.getAndAddInt() Counted#1", "release")
                }) {
            assertTrue(table.contains(cell), () -> "expected '" + cell + "' in\n" + table);
        }
        InterleavingFailure replayed =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(UnsafeRefCount.class.getName())
                                        .explore(ExploreOptions.replay(f.replayToken())));
        assertEquals(
                PlainProgramsTest.tableRows(table), PlainProgramsTest.tableRows(replayed.table()));
    }

    @Test
    void theCompareAndSwapFixPasses() {
        for (ExploreOptions options : new ExploreOptions[] {EXHAUSTIVE, DPOR}) {
            ExploreResult r =
                    AgentExplorer.mainClass(UnsafeRefCount.Fixed.class.getName()).explore(options);
            assertTrue(r.exhausted(), r::toString);
            assertTrue(r.runs() > 1, r::toString);
        }
    }

    @Test
    void unsafeAccessesDependOnEveryFieldOfTheirObjectElementsAndStatics() {
        // DPOR runs one schedule per class of schedules equal up to the order of independent
        // steps: the failing order is run only if the Unsafe accesses, and the volatile read of
        // the count, are seen to touch the same memory
        for (Class<?> bug :
                new Class<?>[] {
                    UnsafeRefCount.class,
                    UnsafeRefCount.Mixed.class,
                    UnsafeRefCount.ArraySlot.class,
                    UnsafeRefCount.StaticCount.class
                }) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> AgentExplorer.mainClass(bug.getName()).explore(DPOR),
                            bug::getName);
            assertTrue(f.table().contains("twice"), f::table);
        }
        assertEquals(
                Set.of(Instruction.ANY_FIELD),
                fieldsOf("Unsafe.getAndAddInt()"),
                "an Unsafe access names no field: it touches every field of its base");
    }

    @Test
    void accessesAtAnAbsoluteAddressArePointsOnNativeMemory() {
        // all memory outside the heap is one location: the locked count passes, the unlocked one
        // loses a bump
        ExploreResult r =
                AgentExplorer.mainClass(UnsafeRefCount.OffHeap.class.getName()).explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                UnsafeRefCount.OffHeapUnlocked.class.getName())
                                        .explore(EXHAUSTIVE));
        assertTrue(f.table().contains("off-heap count 1"), f::table);
        String write = cell("Unsafe.putIntVolatile() NativeMemory#1", "off-heap write");
        assertTrue(f.table().contains(write), () -> "expected '" + write + "' in\n" + f.table());
    }

    @Test
    void plainGetsAndPutsArePointsWithPlainFields() {
        String name = UnsafeRefCount.PlainAppend.class.getName();
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(name)
                                        .agentOptions(
                                                io.refguard.agent.AgentOptions.forProgram(name)
                                                        .withPlainFields(true))
                                        .explore(EXHAUSTIVE));
        assertTrue(f.table().contains("records appended: 1"), f::table);
        assertTrue(f.table().contains("Unsafe.putLong()"), f::table);
        // without plain fields they are no points, as plain fields are not
        ExploreResult r = AgentExplorer.mainClass(name).explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
    }

    /** The fields named by the instrumented sites of {@code operation} in the example's classes. */
    private static Set<String> fieldsOf(String operation) {
        Set<String> out = new HashSet<>();
        for (int id = 0; id < Instructions.count(); id++) {
            Instruction s = Instructions.get(id);
            if (s.className().startsWith(UnsafeRefCount.class.getName())
                    && s.operation().equals(operation)) {
                out.add(s.field());
            }
        }
        return out;
    }
}
