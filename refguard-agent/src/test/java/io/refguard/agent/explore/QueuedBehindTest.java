package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.QueuedBehind;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's queue order where it decides who may go on: a reader behind a queued writer, any waiter
 * of a fair lock or semaphore behind those queued before it. Before, threads waited only in the
 * model, the JDK's queue was empty, and each deadlock here was verified.
 */
class QueuedBehindTest {

    @ParameterizedTest
    @ValueSource(strings = {"reader", "fairReader", "fairSemaphore"})
    void aThreadQueuedBehindAnotherDeadlocks(String mode) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(QueuedBehind.class.getName())
                                        .args(mode)
                                        .explore());
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fairTurns", "fairRelock", "takers", "linkedTakers"})
    void aFairLockAndABlockingQueueServeTheLongestWaiterFirst(String mode) {
        ExploreResult r =
                AgentExplorer.mainClass(QueuedBehind.class.getName()).args(mode).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"turns", "relock"})
    void aNonFairLockLetsALaterThreadGoFirst(String mode) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(QueuedBehind.class.getName())
                                        .args(mode)
                                        .explore());
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reentrant", "semaphore"})
    void aReentrantReaderAndANonFairSemaphoreGoOn(String mode) {
        ExploreResult r =
                AgentExplorer.mainClass(QueuedBehind.class.getName()).args(mode).explore();
        assertTrue(r.exhausted(), r::toString);
    }
}
