package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.ParallelInPool;
import example.jdk.ParallelResults;
import example.jdk.ParallelSorted;
import example.jdk.ParallelStreamRace;
import example.jdk.ParallelSum;
import example.jdk.ParallelUnsafeList;
import example.jdk.ParallelWordCount;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * Parallel streams under exploration ({@link ParallelStreams}): a terminal operation runs its
 * pieces on the common pool's modeled workers, so a race in the program's lambdas is the program's
 * bug, with a token that replays it; its fix and pure pipelines pass, with the sequential results;
 * a stateful operation on a parallel stream ends inconclusive, naming it. The verdicts of the
 * bug/fix pairs are also checked with the other JDK programs ({@link JdkProgramsTest}).
 */
class ParallelStreamsTest {

    private static InterleavingFailure failure(Class<?> program, ExploreOptions options) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(program.getName()).explore(options));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        return f;
    }

    private static void assertContains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), () -> "expected '" + p + "' in\n" + text);
        }
    }

    private static void verified(Class<?> program) {
        ExploreResult r = AgentExplorer.mainClass(program.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aRaceInAParallelForEachIsTheProgramsBugAndItsTokenReplaysIt() {
        InterleavingFailure f = failure(ParallelStreamRace.class, ExploreOptions.defaults());
        String table = f.table();
        assertContains(
                table, "counted 1 hits, expected 2", "IntStream.forEach()", "commonPool-thread-1");
        assertFalse(table.contains("stuck"), table);
        InterleavingFailure replayed =
                failure(ParallelStreamRace.class, ExploreOptions.replay(f.replayToken()));
        assertEquals(f.report().failure().summary(), replayed.report().failure().summary());
        assertEquals(
                PlainProgramsTest.tableRows(table), PlainProgramsTest.tableRows(replayed.table()));
    }

    @Test
    void aStreamSupportParallelStreamIsExploredToo() {
        String table = failure(ParallelStreamRace.Split.class, ExploreOptions.defaults()).table();
        assertContains(table, "counted 1 hits, expected 2", "Stream.forEach()");
    }

    @Test
    void fromATaskOfTheProgramsPoolThePiecesRunOnThatPoolsWorkers() {
        String table = failure(ParallelInPool.class, ExploreOptions.defaults()).table();
        assertContains(table, "counted 1 hits, expected 2", "ForkJoinPool-1-worker-2");
        assertFalse(table.contains("commonPool-thread"), table);
    }

    @Test
    void anExceptionOfAPieceIsRethrownByTheTerminalOperation() {
        InterleavingFailure f = failure(ParallelInPool.Throws.class, ExploreOptions.defaults());
        assertContains(f.table(), "main threw java.lang.IllegalStateException: element 3 is bad");
    }

    @Test
    void aRaceInAFilterBeforeCountIsFoundAndItsFixPasses() {
        String table = failure(ParallelSum.Counted.class, ExploreOptions.defaults()).table();
        assertContains(table, "elements, expected 3", "Stream.count()");
        verified(ParallelSum.Counted.Fixed.class);
    }

    @Test
    void twoPiecesInsideAnArrayListOrHashMapAtOnceAreTheProgramsBug() {
        for (Class<?> program :
                new Class<?>[] {ParallelUnsafeList.class, ParallelUnsafeList.Counts.class}) {
            String table = failure(program, ExploreOptions.defaults()).table();
            assertContains(
                    table,
                    "ConcurrentModificationException: two threads use ",
                    "without synchronization, which is not thread-safe",
                    program == ParallelUnsafeList.class ? "List.add() at " : "Map.merge() at ");
        }
        verified(ParallelUnsafeList.Fixed.class);
        verified(ParallelUnsafeList.Counts.Fixed.class);
    }

    @Test
    void collectingPasses() {
        verified(ParallelWordCount.Collected.class);
    }

    @Test
    void purePipelinesGiveTheSequentialResults() {
        // the pieces share nothing, so every schedule combines the same results in encounter
        // order; a bounded search keeps the many terminal operations' worker orders affordable
        ExploreResult r =
                AgentExplorer.mainClass(ParallelResults.class.getName())
                        .explore(ExploreOptions.defaults().maxRuns(40));
        assertEquals(40, r.runs(), r::toString);
    }

    @Test
    void aStatefulOperationOnAParallelStreamIsInconclusiveNamingIt() {
        for (Class<?> program :
                new Class<?>[] {
                    ParallelSorted.class, ParallelSorted.Late.class, ParallelSorted.Concat.class
                }) {
            InterleavingInconclusive e =
                    assertThrows(
                            InterleavingInconclusive.class,
                            () -> AgentExplorer.mainClass(program.getName()).explore());
            assertEquals(FailureKind.OUT_OF_CONTROL, e.kind(), e.getMessage());
            assertContains(
                    e.getMessage(),
                    "Stream.sorted() at ",
                    "ParallelSorted.java:",
                    "cannot be explored: it is part of a parallel stream",
                    program == ParallelSorted.Concat.class
                            ? "here evaluated by Stream.concat()"
                            : "here evaluated by Stream.forEach()",
                    "sequential");
        }
    }
}
