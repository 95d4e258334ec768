package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.CommonPoolLostUpdate;
import example.jdk.CommonPoolTask;
import example.jdk.CompleterCount;
import example.jdk.CompletionLostUpdate;
import example.jdk.ForkJoinLostUpdate;
import example.jdk.InvokeAllLostUpdate;
import example.jdk.QuiesceCount;
import example.jdk.SizedForkJoinPool;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * The ForkJoin family under exploration: tasks and pools run on modeled workers, each fork, join
 * and submission is one step named as the program wrote it, the common pool is the pool {@code
 * CompletableFuture} runs on, {@code CountedCompleter}s complete on the model (under {@code invoke}
 * and {@code invokeAll} too), and what the model cannot run ends inconclusive naming the call.
 * Parallel streams: {@link ParallelStreamsTest}. The verdicts themselves are checked with the other
 * JDK programs ({@link JdkProgramsTest}).
 */
class ForkJoinProgramsTest {

    private static String failureTable(Class<?> program) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(program.getName()).explore());
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        return f.table();
    }

    private static void assertContains(String table, String... parts) {
        for (String p : parts) {
            assertTrue(table.contains(p), () -> "expected '" + p + "' in\n" + table);
        }
    }

    @Test
    void forkAndJoinAreStepsOfTheWorkersOfTheProgramsPool() {
        String table = failureTable(ForkJoinLostUpdate.class);
        assertContains(
                table,
                "ForkJoinPool.invoke() ForkJoinPool-1 (ForkJoinLostUpdate.java:",
                "ForkJoinTask.fork() Count#",
                "| ForkJoinPool-1-worker-1 ",
                "counted 2 items, expected 4");
        assertFalse(table.contains("commonPool"), table);
    }

    @Test
    void aPoolOfTheProgramsParallelismRunsThatManyTasksAtOnce() {
        // two tasks on a plain tally: one at a time on ForkJoinPool(1), together on (2)
        ExploreResult serial =
                AgentExplorer.mainClass(SizedForkJoinPool.Serial.class.getName()).explore();
        assertTrue(serial.exhausted(), serial::toString);
        assertContains(
                failureTable(SizedForkJoinPool.class),
                "main threw java.lang.AssertionError: tally ",
                ", expected 3");
        // a join on a pool of parallelism 1, and a task blocked on a later one's latch: the
        // blocked worker leaves its place to another
        for (Class<?> program :
                new Class<?>[] {
                    SizedForkJoinPool.ForkJoin.class, SizedForkJoinPool.Handoff.class
                }) {
            ExploreResult r = AgentExplorer.mainClass(program.getName()).explore();
            assertTrue(r.exhausted(), () -> program.getSimpleName() + ": " + r);
        }
    }

    @Test
    void aWorkStealingPoolIsAModeledForkJoinPool() {
        String table = failureTable(ForkJoinLostUpdate.WorkStealing.class);
        assertContains(
                table,
                "ExecutorService.submit() ForkJoinPool-1",
                "| ForkJoinPool-1-worker-2 ",
                "counted 2 items, expected 4");
    }

    @Test
    void aShutDownPoolStillTakesTheForksOfItsRunningTasks() {
        ExploreResult r =
                AgentExplorer.mainClass(ForkJoinLostUpdate.SubmitThenShutdown.class.getName())
                        .explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void helpQuiesceWaitsForTheForkedTasksAndATaskKnowsItsPool() {
        ExploreResult r = AgentExplorer.mainClass(QuiesceCount.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void invokeAllFromOutsideAPoolForksToTheCommonPool() {
        String table = failureTable(InvokeAllLostUpdate.class);
        assertContains(
                table,
                "ForkJoinTask.invoke() Hit#1 (InvokeAllLostUpdate.java:",
                "ForkJoinTask.invokeAll() (InvokeAllLostUpdate.java:",
                "| commonPool-thread-1 ");
    }

    @Test
    void theCommonPoolIsThePoolCompletableFutureRunsOn() {
        String table = failureTable(CommonPoolLostUpdate.class);
        assertContains(table, "ForkJoinPool.submit() commonPool", "commonPool-thread-1");
        assertFalse(table.contains("ForkJoinPool-1"), table);
    }

    @Test
    void workWaitedForOnTheCommonPoolIsVerifiedAndWorkNotWaitedForIsARace() {
        ExploreResult r = AgentExplorer.mainClass(CommonPoolTask.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
        String table = failureTable(CommonPoolTask.NoWait.class);
        assertContains(table, "ForkJoinPool.execute() commonPool", "has not run yet: 0");
    }

    @Test
    void aCompletionServiceOverAForkJoinPoolRunsOnItsModel() {
        ExploreResult r =
                AgentExplorer.mainClass(CompletionLostUpdate.OverForkJoin.class.getName())
                        .explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aCompletionServiceOverAnExecutorOfTheProgramIsInconclusiveNamingTheCall() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                AgentExplorer.mainClass(
                                                CompletionLostUpdate.OverOwnExecutor.class
                                                        .getName())
                                        .explore());
        assertEquals(FailureKind.OUT_OF_CONTROL, e.kind(), e.getMessage());
        assertContains(
                e.getMessage(),
                "ExecutorCompletionService.submit() at ",
                "CompletionLostUpdate.java:",
                "not one the explorer models");
    }

    @Test
    void aCountedCompleterCompletesOnTheModelAlsoUnderInvokeAll() {
        ExploreResult r = AgentExplorer.mainClass(CompleterCount.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
        ExploreResult both =
                AgentExplorer.mainClass(CompleterCount.InvokeAll.class.getName()).explore();
        assertTrue(both.exhausted(), both::toString);
        InterleavingFailure lost =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                CompleterCount.InvokeAllRacy.class.getName())
                                        .explore());
        assertContains(
                lost.getMessage(),
                "main threw java.lang.AssertionError: counted ",
                " leaves, expected 4");
    }
}
