package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.arrays.BucketSnapshots;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * With plain fields as points, a call that copies or fills an array ({@code clone()}, {@code
 * System.arraycopy}, {@code Arrays.copyOf}, {@code Arrays.fill}) is a point on the array's
 * elements: another thread can run between a check and the copy that relies on it, and the steps
 * name the call and the array. Copies keep the JDK's meaning.
 */
class ArrayBulkTest {

    private static final ExploreOptions EXHAUSTIVE = ExploreOptions.exhaustive().preemptionBound(2);

    private static AgentExplorer program(Class<?> c) {
        return AgentExplorer.mainClass(c.getName())
                .agentOptions(AgentOptions.forProgram(c.getName()).withPlainFields(true));
    }

    private static String cell(String text, String marker) {
        return text
                + " (BucketSnapshots.java:"
                + SourceMarkers.of(BucketSnapshots.class).line(marker)
                + ")";
    }

    private static String failingTable(Class<?> bug, ExploreOptions options) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> program(bug).explore(options),
                        bug::getName);
        String table = f.table();
        assertTrue(table.contains("reported cleared buckets: [0, 0, 0]"), table);
        String fill = cell("Arrays.fill() on BucketSnapshots.buckets[0..2]", "fill");
        assertTrue(table.contains(fill), () -> "expected '" + fill + "' in\n" + table);
        return table;
    }

    @Test
    void aCopyAfterACheckIsFoundWithEachKindOfCopy() {
        String[][] cases = {
            {"main", "clone() of BucketSnapshots.buckets[0..2]", "clone"},
            {"Copied", "System.arraycopy() from BucketSnapshots.buckets[0..2]", "arraycopy"},
            {"CopiedOf", "Arrays.copyOf() on BucketSnapshots.buckets[0..2]", "copyOf"}
        };
        for (String[] c : cases) {
            Class<?> bug =
                    c[0].equals("main")
                            ? BucketSnapshots.class
                            : classOf(BucketSnapshots.class.getName() + "$" + c[0]);
            String table = failingTable(bug, EXHAUSTIVE);
            String copy = cell(c[1], c[2]);
            assertTrue(table.contains(copy), () -> "expected '" + copy + "' in\n" + table);
        }
    }

    @Test
    void anArraycopysWriteIsAPointOnTheDestination() {
        String table = failingTable(BucketSnapshots.Copied.class, EXHAUSTIVE);
        assertTrue(table.contains("System.arraycopy() to long[]#"), table);
    }

    @Test
    void dporFindsThemToo() {
        // each step touches only what its point names: the copy's read of the source belongs to
        // the point on the source, so DPOR sees it race with the resetter's fill
        ExploreOptions dpor = ExploreOptions.dpor().preemptionBound(2);
        failingTable(BucketSnapshots.class, dpor);
        failingTable(BucketSnapshots.Copied.class, dpor);
        ExploreResult fixed = program(BucketSnapshots.Fixed.class).explore(dpor);
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @Test
    void theFixPasses() {
        ExploreResult r = program(BucketSnapshots.Fixed.class).explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    @Test
    void copiesKeepTheirMeaning() {
        // an overlapping move, a narrowing copy, ArrayStoreException after the good elements,
        // bounds, a shallow clone of a 2-D array, sort and search: the program checks each
        ExploreResult r = program(BucketSnapshots.Semantics.class).explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
        assertFalse(r.runs() < 2, r::toString);
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
