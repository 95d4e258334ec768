package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.OverriddenLock;
import io.refguard.agent.AgentOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program's subclass of {@code ReentrantLock} that overrides its locking methods and calls the
 * JDK's through {@code super}: the override runs as explored code, {@code super} reaches the model.
 * Before, {@code super.lock()} parked inside the JDK and every such program was inconclusive.
 */
class OverriddenLockTest {

    @ParameterizedTest
    @ValueSource(strings = {"counting", "condition", "orderedThroughBase"})
    void correctProgramsPass(String mode) {
        ExploreResult r =
                AgentExplorer.mainClass(OverriddenLock.class.getName()).args(mode).explore();
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aCountOutsideTheLockIsALostUpdate() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(OverriddenLock.class.getName())
                                        .args("countBefore")
                                        .agentOptions(
                                                AgentOptions.forProgram(
                                                                OverriddenLock.class.getName())
                                                        .withPlainFields(true))
                                        .explore());
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
        assertTrue(f.getMessage().contains("acquisitions counted 1"), f::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deadlock", "deadlockThroughBase"})
    void oppositeOrdersDeadlock(String mode) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(OverriddenLock.class.getName())
                                        .args(mode)
                                        .explore());
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
    }
}
