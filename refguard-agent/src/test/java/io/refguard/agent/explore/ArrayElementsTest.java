package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.arrays.ArrayLoops;
import example.arrays.BlockCache;
import example.arrays.LevelCounters;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * With plain fields as scheduling points (the default for a program), reads and writes of array
 * elements are points too: a lost update on a shared {@code int[]} and a check-then-act on an
 * {@code Object[]} slot are found, with steps that name the array, the element and the line, and
 * their fixes pass. A thread's consecutive accesses to one array fold into one step, and accesses
 * while no other thread can run are no steps at all, so loops over arrays stay cheap; a spin on an
 * element still lets the writer run.
 */
class ArrayElementsTest {

    private static final ExploreOptions EXHAUSTIVE = ExploreOptions.exhaustive().preemptionBound(2);

    /**
     * The program {@code c}, explored as {@code refguard explore --class} does: plain fields on.
     */
    private static AgentExplorer program(Class<?> c) {
        return AgentExplorer.mainClass(c.getName())
                .agentOptions(AgentOptions.forProgram(c.getName()).withPlainFields(true));
    }

    private static String cell(Class<?> c, String text, String marker) {
        return text + " (" + c.getSimpleName() + ".java:" + SourceMarkers.of(c).line(marker) + ")";
    }

    @Test
    void aLostUpdateOnASharedIntArrayIsFound() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> program(LevelCounters.class).explore(EXHAUSTIVE));
        String table = f.table();
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), table);
        assertTrue(table.contains("level 1 compactions: 1"), table);
        for (String op :
                new String[] {
                    "array read LevelCounters.levels[1]", "array write LevelCounters.levels[1]"
                }) {
            String cell = cell(LevelCounters.class, op, "bump");
            assertTrue(table.contains(cell), () -> "expected '" + cell + "' in\n" + table);
        }
        InterleavingFailure replayed =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                program(LevelCounters.class)
                                        .explore(ExploreOptions.replay(f.replayToken())));
        assertEquals(
                PlainProgramsTest.tableRows(table), PlainProgramsTest.tableRows(replayed.table()));
    }

    @Test
    void theLostUpdatesFixesPass() {
        for (Class<?> fix :
                new Class<?>[] {LevelCounters.Fixed.class, LevelCounters.Atomic.class}) {
            ExploreResult r = program(fix).explore(EXHAUSTIVE);
            assertTrue(r.exhausted(), r::toString);
            assertTrue(r.runs() > 1, r::toString);
        }
    }

    @Test
    void dporFindsThemToo() {
        // DPOR runs one schedule per class of equivalent ones, known by what each step's point
        // announces: the accesses a thread makes while the others wait for it (compact-b's, once
        // compact-a has finished and main waits to join) must still be seen
        ExploreOptions dpor = ExploreOptions.dpor().preemptionBound(2);
        for (Class<?> bug : new Class<?>[] {LevelCounters.class, BlockCache.class}) {
            assertThrows(InterleavingFailure.class, () -> program(bug).explore(dpor), bug::getName);
        }
        for (Class<?> fix : new Class<?>[] {LevelCounters.Fixed.class, BlockCache.Fixed.class}) {
            ExploreResult r = program(fix).explore(dpor);
            assertTrue(r.exhausted(), r::toString);
        }
    }

    @Test
    void withoutPlainFieldsTheLostUpdateIsNotExploredAndTheArrayIsNamed() throws Exception {
        ExploreResult r =
                AgentExplorer.mainClass(LevelCounters.class.getName())
                        .agentOptions(AgentOptions.forProgram(LevelCounters.class.getName()))
                        .explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
        // what the hint lists: the loader's own options record it (explorations share loaders
        // by the options' text, so those of an earlier exploration may have done the work)
        AgentOptions off = AgentOptions.defaults().withInclude("example.arrays.*");
        try (InstrumentingClassLoader loader =
                new InstrumentingClassLoader(getClass().getClassLoader(), off)) {
            Class.forName(LevelCounters.class.getName(), true, loader);
        }
        assertTrue(
                off.plainFieldsLeft().contains("LevelCounters.levels[]"),
                () -> off.plainFieldsLeft().toString());
    }

    @Test
    void aCheckThenActOnAnObjectArraySlotIsFound() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> program(BlockCache.class).explore(EXHAUSTIVE));
        String table = f.table();
        assertTrue(table.contains("block 5 loaded 2 times"), table);
        for (String[] op :
                new String[][] {
                    {"array read BlockCache.slots[5]", "check"},
                    {"array write BlockCache.slots[5]", "install"}
                }) {
            String cell = cell(BlockCache.class, op[0], op[1]);
            assertTrue(table.contains(cell), () -> "expected '" + cell + "' in\n" + table);
        }
        ExploreResult fixed = program(BlockCache.Fixed.class).explore(EXHAUSTIVE);
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @Test
    void loopsOverArraysOfTheirOwnFoldIntoFewSteps() {
        // 80,000 element accesses per run, in two threads side by side: one step each would
        // exceed maxSteps (10,000); folded, they are a few dozen steps (a fill is one step, and
        // the sum's reads fold a thousand at a time, as any loop that only re-reads one location,
        // which is how a spin looks)
        ExploreResult r =
                program(ArrayLoops.SideBySide.class)
                        .explore(ExploreOptions.random().seed(1).maxRuns(20));
        assertEquals(20, r.runs(), r::toString);
        assertTrue(r.schedulingPoints() / r.runs() < 100, r::toString);
    }

    @Test
    void accessesWhileNoOtherThreadCanRunAreFewSteps() {
        // two million accesses, before main starts a thread and after it joined it: a step per
        // ten thousand of them, so that a loop alone for good still makes steps
        ExploreResult r = program(ArrayLoops.Alone.class).explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.schedulingPoints() / r.runs() < 250, r::toString);
    }

    @Test
    void aSpinOnAnElementLetsTheWriterRun() {
        ExploreResult r = program(ArrayLoops.SpinOnElement.class).explore(EXHAUSTIVE);
        assertTrue(r.exhausted(), r::toString);
    }
}
