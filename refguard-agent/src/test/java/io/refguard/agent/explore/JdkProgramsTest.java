package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.AsyncLostUpdate;
import example.jdk.BarrierTotal;
import example.jdk.BoundedFlushPool;
import example.jdk.CommonPoolLostUpdate;
import example.jdk.CompleterSum;
import example.jdk.CompletionLostUpdate;
import example.jdk.DaemonDispatcher;
import example.jdk.DelayedJobs;
import example.jdk.DelayedRetry;
import example.jdk.DueTogether;
import example.jdk.FilledAfterComplete;
import example.jdk.FilledAfterCountDown;
import example.jdk.FilledAfterRelease;
import example.jdk.FlushOrder;
import example.jdk.ForkJoinLostUpdate;
import example.jdk.FutureTimeout;
import example.jdk.GroupedLists;
import example.jdk.HandOff;
import example.jdk.HandOffPoolRejects;
import example.jdk.HandOffToWaiter;
import example.jdk.HandledCrashes;
import example.jdk.InheritedRequestId;
import example.jdk.InterruptedLockWait;
import example.jdk.InvokeAllLostUpdate;
import example.jdk.LoadInCompute;
import example.jdk.LruUnderReadLock;
import example.jdk.MapLostUpdate;
import example.jdk.ParallelStreamRace;
import example.jdk.ParallelSum;
import example.jdk.ParallelUnsafeList;
import example.jdk.ParallelWordCount;
import example.jdk.PhaserRounds;
import example.jdk.PollTimeout;
import example.jdk.PublishedThenFilled;
import example.jdk.QueuePoisonPill;
import example.jdk.ScanAsSnapshot;
import example.jdk.ScheduledBeats;
import example.jdk.ShardFanOut;
import example.jdk.SharedDateFormat;
import example.jdk.SharedLogBuffer;
import example.jdk.StampedPoint;
import example.jdk.StartedThenShared;
import example.jdk.SynchronizedListIteration;
import example.jdk.SynchronizedMapCheckThenAct;
import example.jdk.TimerCancelDuringRun;
import example.jdk.TimerRetry;
import example.jdk.TimerTaskThrows;
import example.jdk.TransferHandOff;
import example.jdk.UnguardedHashMap;
import example.jdk.UnlockedIteration;
import example.jdk.ViewOfSharedMap;
import example.jdk.WriteLockCondition;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain programs that synchronize through the JDK ({@code example.jdk}), explored through the agent
 * with default options: each broken program fails with its own failure (an exception of the program
 * or a deadlock, never a stuck thread), and each fixed one passes an exhaustive search, with no
 * real waiting.
 */
class JdkProgramsTest {

    /** One program, the failure expected and a text the report must contain. */
    record Case(Class<?> program, FailureKind kind, String failure) {
        @Override
        public String toString() {
            return program.getSimpleName();
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                new Case(QueuePoisonPill.class, FailureKind.DEADLOCK, "ArrayBlockingQueue"),
                new Case(
                        MapLostUpdate.class,
                        FailureKind.THREAD_THREW,
                        "counted 1 words, expected 2"),
                new Case(
                        SynchronizedMapCheckThenAct.class,
                        FailureKind.THREAD_THREW,
                        "2 threads registered the service"),
                new Case(
                        SynchronizedListIteration.class,
                        FailureKind.THREAD_THREW,
                        "ConcurrentModificationException"),
                new Case(
                        example.jdk.SynchronizedListStream.class,
                        FailureKind.THREAD_THREW,
                        "ConcurrentModificationException"),
                new Case(AsyncLostUpdate.class, FailureKind.THREAD_THREW, "expected 3"),
                new Case(BarrierTotal.class, FailureKind.THREAD_THREW, "total 1, expected 3"),
                new Case(PhaserRounds.class, FailureKind.THREAD_THREW, "saw a's slot"),
                new Case(StampedPoint.class, FailureKind.THREAD_THREW, "read ("),
                new Case(PollTimeout.class, FailureKind.THREAD_THREW, "NullPointerException"),
                new Case(HandOff.class, FailureKind.DEADLOCK, "Exchanger"),
                new Case(
                        TransferHandOff.class,
                        FailureKind.DEADLOCK,
                        "consumer waits for 'LinkedTransferQueue.take()' on LinkedTransferQueue#1"),
                new Case(ScheduledBeats.class, FailureKind.THREAD_THREW, " beats, expected "),
                new Case(TimerRetry.class, FailureKind.THREAD_THREW, "2 outcomes for one request"),
                new Case(
                        InheritedRequestId.class,
                        FailureKind.THREAD_THREW,
                        "I/O tagged null and null"),
                new Case(
                        TimerCancelDuringRun.class,
                        FailureKind.THREAD_THREW,
                        "IllegalStateException: write to a closed segment"),
                new Case(DelayedJobs.class, FailureKind.THREAD_THREW, "NullPointerException"),
                new Case(DueTogether.class, FailureKind.THREAD_THREW, "but handled 0 jobs"),
                new Case(FutureTimeout.class, FailureKind.THREAD_THREW, "TimeoutException"),
                new Case(
                        DelayedRetry.class,
                        FailureKind.THREAD_THREW,
                        "0 attempts after the retry was due"),
                new Case(CompleterSum.class, FailureKind.THREAD_THREW, ", expected 6"),
                new Case(
                        UnguardedHashMap.class,
                        FailureKind.THREAD_THREW,
                        "two threads use HashMap#1 without synchronization, which is not thread-safe"),
                new Case(
                        HandledCrashes.class,
                        FailureKind.THREAD_THREW,
                        "threw java.util.ConcurrentModificationException: two threads use"
                                + " ArrayList#1 without synchronization"),
                new Case(
                        SharedLogBuffer.class,
                        FailureKind.THREAD_THREW,
                        "two threads use HeapByteBuffer#1 without synchronization, which is not"
                                + " thread-safe"),
                new Case(
                        SharedDateFormat.class,
                        FailureKind.THREAD_THREW,
                        "two threads use SimpleDateFormat#1 without synchronization"),
                new Case(
                        StartedThenShared.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization"),
                new Case(
                        BoundedFlushPool.class,
                        FailureKind.THREAD_THREW,
                        "dirty pages lost: flushed 2 of 3"),
                new Case(
                        HandOffPoolRejects.class,
                        FailureKind.THREAD_THREW,
                        "RejectedExecutionException: a task was rejected from pool-1: its queue is"
                                + " full (0) and its 2 threads are busy"),
                new Case(DaemonDispatcher.class, FailureKind.THREAD_THREW, "delivered 1 of 2"),
                new Case(FlushOrder.class, FailureKind.THREAD_THREW, "segment 1 not flushed yet"),
                new Case(ShardFanOut.class, FailureKind.THREAD_THREW, "found "),
                new Case(
                        TimerTaskThrows.class,
                        FailureKind.THREAD_THREW,
                        "IllegalStateException: refresh failed: no endpoint yet"),
                new Case(
                        WriteLockCondition.class,
                        FailureKind.THREAD_THREW,
                        "memtable over capacity: 2"),
                new Case(
                        InterruptedLockWait.class,
                        FailureKind.THREAD_THREW,
                        "reported 1 flush that did not happen"),
                new Case(
                        UnlockedIteration.class,
                        FailureKind.THREAD_THREW,
                        "reporter threw java.util.ConcurrentModificationException"),
                new Case(
                        GroupedLists.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization"),
                new Case(
                        PublishedThenFilled.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization"),
                new Case(
                        FilledAfterCountDown.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization"),
                new Case(
                        FilledAfterComplete.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization"),
                new Case(
                        FilledAfterRelease.class,
                        FailureKind.THREAD_THREW,
                        "two threads use FilledAfterRelease.batch without synchronization"),
                new Case(
                        LruUnderReadLock.class,
                        FailureKind.THREAD_THREW,
                        "The map is a LinkedHashMap in access order: its get() moves the entry"),
                new Case(
                        example.jdk.ReadOnlyView.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization, which is not"
                                + " thread-safe"),
                new Case(
                        ViewOfSharedMap.class,
                        FailureKind.THREAD_THREW,
                        "two threads use HashMap#1 without synchronization, which is not thread-safe"),
                new Case(
                        ForkJoinLostUpdate.class,
                        FailureKind.THREAD_THREW,
                        "counted 2 items, expected 4"),
                new Case(
                        InvokeAllLostUpdate.class,
                        FailureKind.THREAD_THREW,
                        "counted 1 hits, expected 2"),
                new Case(
                        CommonPoolLostUpdate.class,
                        FailureKind.THREAD_THREW,
                        "counted 1 hits, expected 2"),
                new Case(
                        CompletionLostUpdate.class,
                        FailureKind.THREAD_THREW,
                        "counted 1 hits, expected 2"),
                new Case(
                        ParallelStreamRace.class,
                        FailureKind.THREAD_THREW,
                        "counted 1 hits, expected 2"),
                new Case(ParallelSum.class, FailureKind.THREAD_THREW, "elements, expected 3"),
                new Case(
                        ParallelUnsafeList.class,
                        FailureKind.THREAD_THREW,
                        "two threads use ArrayList#1 without synchronization"),
                new Case(
                        ParallelWordCount.class,
                        FailureKind.THREAD_THREW,
                        "counted 1 lamps, expected 2"),
                new Case(
                        ScanAsSnapshot.class,
                        FailureKind.THREAD_THREW,
                        ", less than the book ever held"),
                new Case(
                        LoadInCompute.class,
                        FailureKind.THREAD_THREW,
                        "two threads use HashMap#1 without synchronization"));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void brokenProgramFailsWithItsOwnFailure(Case c) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(c.program().getName()).explore());
        String table = f.table();
        assertEquals(c.kind(), f.report().failure().kind(), table);
        assertTrue(
                table.contains(c.failure()), () -> "expected '" + c.failure() + "' in\n" + table);
        assertFalse(table.contains("stuck"), table);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void fixedProgramIsVerified(Case c) {
        ExploreResult r = AgentExplorer.mainClass(c.program().getName() + "$Fixed").explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aLocksQuestionsAboutItsConditionsWaitersSeeTheModelsWaiters() {
        // ordered: the consumer's 200 ms await must not expire while the producer could still go
        // on, or the producer polls for a waiter for good (a liveness bug under a slow producer)
        ExploreResult r =
                AgentExplorer.mainClass(HandOffToWaiter.class.getName())
                        .timeouts(TimeoutMode.ORDERED)
                        .explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aLocksQuestionsAboutItsQueueSeeTheThreadsWaitingInTheModel() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.QueuedOnLock.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
        ExploreResult s =
                AgentExplorer.mainClass(example.jdk.QueuedOnLock.OnSemaphore.class.getName())
                        .explore();
        assertTrue(s.exhausted(), s::toString);
    }

    @Test
    void aQuestionAboutOneQueuedThreadSeesTheThreadWaitingInTheModel() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.QueuedOnLock.OnThread.class.getName())
                        .explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aReadWriteLocksQuestionsAboutItsQueueSeeTheThreadsWaitingInTheModel() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.QueuedOnLock.OnReadWriteLock.class.getName())
                        .explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aForEachOverAConcurrentMapIsNoSnapshot() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(ScanAsSnapshot.ByForEach.class.getName())
                                        .explore());
        assertTrue(f.table().contains("audited 12 and 5"), f.table());
    }

    @Test
    void aStreamOverAConcurrentMapIsNoSnapshot() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(ScanAsSnapshot.ByStream.class.getName())
                                        .explore());
        assertTrue(f.table().contains("audited 5 and 12"), f.table());
        ExploreResult fixed =
                AgentExplorer.mainClass(ScanAsSnapshot.ByStream.Fixed.class.getName()).explore();
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @Test
    void aParallelBulkOperationOfAConcurrentMapRunsItsFunctionOnSeveralThreads() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                example.jdk.BulkOverMap.SharedList.class.getName())
                                        .explore());
        assertTrue(f.table().contains("commonPool-thread-2"), f.table());
        assertTrue(f.getMessage().contains("ArrayList"), f::getMessage);
    }

    @Test
    void aBulkOperationOfAConcurrentMapIsNoSnapshot() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                example.jdk.BulkOverMap.NoSnapshot.class.getName())
                                        .explore());
        assertTrue(f.getMessage().contains("which the map never held"), f::getMessage);
    }

    @Test
    void bulkOperationsOfAConcurrentMapThatHoldAtAnyMomentPass() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.BulkOverMap.Fixed.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aParallelSetAllRunsItsGeneratorOnSeveralThreads() {
        String c = example.jdk.ArraysInParallel.SharedCounter.class.getName();
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(c)
                                        .agentOptions(
                                                io.refguard.agent.AgentOptions.forProgram(c)
                                                        .withPlainFields(true))
                                        .explore());
        assertTrue(f.getMessage().contains("repeat"), f::getMessage);
        assertTrue(f.table().contains("commonPool-thread-1"), f.table());
    }

    @Test
    void theParallelArrayOperationsGiveTheJdksResultsOnModeledWorkers() {
        for (Class<?> c :
                java.util.List.of(
                        example.jdk.ArraysInParallel.SetAll.class,
                        example.jdk.ArraysInParallel.Prefix.class,
                        example.jdk.ArraysInParallel.Sort.class)) {
            ExploreResult r = AgentExplorer.mainClass(c.getName()).explore();
            assertTrue(r.exhausted(), r::toString);
        }
    }

    @Test
    void aThreadsStateComesFromTheModel() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.ThreadStates.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aThreadGroupCountsTheLiveThreadsOfTheRun() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.ThreadStates.GroupCount.class.getName())
                        .explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aPoolFromExecutorsIsTheClassTheJdkDocumentsAndItsStatisticsQueueAndSizesAreTheModels() {
        for (Class<?> c :
                java.util.List.of(
                        example.jdk.PoolStatistics.class,
                        example.jdk.PoolStatistics.Wrapped.class,
                        example.jdk.PoolStatistics.Resized.class,
                        example.jdk.PoolStatistics.Queued.class)) {
            ExploreResult r = AgentExplorer.mainClass(c.getName()).explore();
            assertTrue(r.exhausted(), r::toString);
        }
    }

    @Test
    void aRejectionHandlerThatPutsIntoThePoolsQueueMakesTheSubmitterWait() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.BlockingSubmit.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(example.jdk.BlockingSubmit.class.getName())
                                        .args("offer")
                                        .explore());
        assertTrue(f.getMessage().contains("of 4 tasks"), f::getMessage);
    }

    @Test
    void aComputeFunctionThatUpdatesItsOwnMapIsARecursiveUpdate() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                example.jdk.RecursiveCompute.class.getName())
                                        .explore());
        assertTrue(
                f.getMessage().contains("Recursive update: computeIfAbsent on ConcurrentHashMap"),
                f::getMessage);
        ExploreResult apart =
                AgentExplorer.mainClass(example.jdk.RecursiveCompute.class.getName())
                        .args("apart")
                        .explore();
        assertTrue(apart.exhausted(), apart::toString);
    }

    @Test
    void aScheduledPoolFollowsTheShutdownPoliciesSetOnIt() {
        for (String mode :
                java.util.List.of("default", "dropDelayed", "dropDelayedFront", "keepPeriodic")) {
            ExploreResult r =
                    AgentExplorer.mainClass(example.jdk.ScheduledPolicies.class.getName())
                            .args(mode)
                            .explore();
            assertTrue(r.exhausted(), () -> mode + ": " + r);
        }
    }

    @Test
    void aLoggersSettingsAreUndoneBeforeTheNextRunAndAfterTheLast() {
        for (int exploration = 0; exploration < 2; exploration++) {
            ExploreResult r =
                    AgentExplorer.mainClass(example.jdk.LoggerHandlers.class.getName()).explore();
            assertTrue(r.exhausted(), r::toString);
        }
    }

    @Test
    void aConditionWhoseLockIsNotKnownIsInconclusiveAtOnceNamingTheCall() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                AgentExplorer.mainClass(
                                                WriteLockCondition.TwoWriteLocksHeld.class
                                                        .getName())
                                        .explore());
        assertEquals(FailureKind.OUT_OF_CONTROL, e.kind(), e.getMessage());
        assertTrue(
                e.getMessage().contains("Condition.await() at ")
                        && e.getMessage().contains("(WriteLockCondition.java:")
                        && e.getMessage().contains("Hold one write lock at a time"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .lines()
                        .anyMatch(
                                l ->
                                        l.matches(
                                                "\\| \\d+ +\\| +lock .*\\(WriteLockCondition\\.java:\\d+\\).*")),
                () -> "the table's steps name their lines, as a failure's do:\n" + e.getMessage());
    }
}
