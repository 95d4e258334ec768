package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.throwing.ThrowingOperations;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * An operation that throws at once (an interruptible call on an interrupted thread, an unlock or a
 * notify without the lock) is a step of its own, so the failure's table shows where the thread
 * threw, and a replay shows it again.
 */
class ThrowingStepsTest {

    private static final ExploreOptions EXHAUSTIVE = ExploreOptions.exhaustive().preemptionBound(2);

    private static void showsStep(Class<?> program, String text, String marker) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(program.getName()).explore(EXHAUSTIVE));
        String table = f.table();
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), table);
        String cell =
                text + " (ThrowingOperations.java:" + SourceMarkers.of(program).line(marker) + ")";
        assertTrue(table.contains(cell), () -> "expected '" + cell + "' in\n" + table);
        InterleavingFailure replayed =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(program.getName())
                                        .explore(ExploreOptions.replay(f.replayToken())));
        assertEquals(
                PlainProgramsTest.tableRows(table), PlainProgramsTest.tableRows(replayed.table()));
    }

    @Test
    void anInterruptedLockInterruptiblyIsAStep() {
        showsStep(
                ThrowingOperations.InterruptedLock.class,
                "worker interrupted: throws InterruptedException",
                "lockInterruptibly");
    }

    @Test
    void anInterruptedTakeIsAStep() {
        showsStep(
                ThrowingOperations.InterruptedTake.class,
                "worker interrupted: throws InterruptedException",
                "take");
    }

    @Test
    void anInterruptedWaitIsAStep() {
        showsStep(
                ThrowingOperations.InterruptedWait.class,
                "worker interrupted: throws InterruptedException",
                "wait");
    }

    @Test
    void anUnlockOfALockNotHeldIsAStep() {
        showsStep(ThrowingOperations.UnlockNotHeld.class, "unlock ReentrantLock#1", "unlock");
    }

    @Test
    void aNotifyWithoutTheMonitorIsAStep() {
        showsStep(ThrowingOperations.NotifyNotOwner.class, "notify Object#1", "notify");
    }
}
