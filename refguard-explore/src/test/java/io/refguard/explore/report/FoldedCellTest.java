package io.refguard.explore.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.Access;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table whose cells would make it wider than a screen folds their values, never the operation or
 * the source line, and leaves cells that fit alone.
 */
class FoldedCellTest {

    private static final String LONG_CALL =
            "Map.put(\"a-key-of-twenty-chars\", CompactionScheduleEntry#12)"
                    + " -> CompactionScheduleEntry#11";

    private static InterleavingReport report() {
        List<TraceEvent> events =
                List.of(
                        new TraceEvent.Step(
                                0,
                                0,
                                LONG_CALL,
                                Access.UPDATE,
                                "ConcurrentHashMap#1",
                                "CompactionPlanner.java:214",
                                false),
                        new TraceEvent.Step(
                                1,
                                1,
                                LONG_CALL,
                                Access.UPDATE,
                                "ConcurrentHashMap#1",
                                "CompactionPlanner.java:215",
                                true),
                        new TraceEvent.Step(
                                2, 0, "value.get", Access.READ, "value", "Short.java:3", false));
        return new InterleavingReport(
                "folded", List.of("T1", "T2"), events, null, "test", 1, 1, "rg1-x", List.of());
    }

    @Test
    void aTableWiderThanAScreenFoldsItsValues() {
        String unfolded = LONG_CALL + " ConcurrentHashMap#1 (CompactionPlanner.java:214)";
        assertTrue(8 + 2 * (unfolded.length() + 3) > TableRenderer.MAX_WIDTH, "needs folding");
        String text = TableRenderer.render(report());
        List<String> table = text.lines().filter(l -> l.startsWith("|")).toList();
        for (String line : table) {
            assertTrue(line.length() <= TableRenderer.MAX_WIDTH, line.length() + ": " + line);
        }
        String first = table.get(2);
        assertTrue(first.contains("| Map.put(...) -> "), "arguments cut first: " + first);
        assertTrue(first.contains(" (CompactionPlanner.java:214) |"), first);
        assertEquals(
                1, table.stream().filter(l -> l.contains("(CompactionPlanner.java:215)")).count());
        assertTrue(text.contains("| value.get (Short.java:3) "), "a cell that fits is whole");
    }

    @Test
    void aCellFoldsItsArgumentsThenItsObjectThenItsResult() {
        TableCell cell =
                TableCell.step("  ", "List.add(\"abcdefghij\") -> true", "ArrayList#1", "A.java:1");
        assertEquals("  List.add(\"abcdefghij\") -> true ArrayList#1 (A.java:1)", cell.text());
        assertEquals("  List.add(...) -> true ArrayList#1 (A.java:1)", cell.fold(48));
        assertEquals("  List.add(...) -> true Arr... (A.java:1)", cell.fold(41));
        assertEquals("  List.add(...) -> true ... (A.java:1)", cell.fold(0));
        assertEquals(cell.fold(0).length(), cell.narrowest());
    }
}
