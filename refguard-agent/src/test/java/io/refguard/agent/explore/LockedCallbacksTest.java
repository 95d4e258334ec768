package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.LockedCallbacks;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The program's code that a JDK call runs ({@link Callbacks}) is explored as code, holding what the
 * JDK holds: another thread comes between two of its accesses, a lock it takes while the JDK holds
 * one is a nested lock, and what the JDK's lock keeps apart stays apart. Before, each call ran as
 * one atomic step, and the races and deadlocks below were "verified".
 */
class LockedCallbacksTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                LockedCallbacks.HashtableCompute.class,
                LockedCallbacks.VectorForEach.class,
                LockedCallbacks.SynchronizedMapMerge.class,
                LockedCallbacks.ConcurrentMapComputeIfAbsent.class,
                LockedCallbacks.ConcurrentMapTwoKeys.class,
                LockedCallbacks.CopyOnWriteRemoveIf.class,
                LockedCallbacks.CopyOnWriteForEach.class,
                LockedCallbacks.SkipListCompute.class,
                LockedCallbacks.BlockingQueueForEach.class
            })
    void anotherThreadComesBetweenTwoAccessesOfTheCallback(Class<?> program) {
        InterleavingFailure f = assertThrows(InterleavingFailure.class, () -> explore(program));
        assertTrue(f.getMessage().contains("2 additions counted as 1"), f.getMessage());
        ExploreResult fixed = explore(program, "fixed");
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                LockedCallbacks.SynchronizedMapDeadlock.class,
                LockedCallbacks.ConcurrentMapDeadlock.class
            })
    void aLockTakenInTheCallbackNestsInTheJdksLock(Class<?> program) {
        InterleavingFailure f = assertThrows(InterleavingFailure.class, () -> explore(program));
        assertTrue(f.getMessage().contains("deadlock"), f.getMessage());
        assertTrue(f.getMessage().contains("held by Thread-0"), f.getMessage());
        ExploreResult fixed = explore(program, "fixed");
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                LockedCallbacks.SynchronizedListExclusive.class,
                LockedCallbacks.ConcurrentMapExclusive.class,
                LockedCallbacks.ConcurrentMapConditionalUpdates.class,
                LockedCallbacks.WrappedConcurrentMap.class
            })
    void whatTheJdksLockKeepsApartStaysApart(Class<?> program) {
        ExploreResult result = explore(program);
        assertTrue(result.exhausted(), result::toString);
    }

    private static ExploreResult explore(Class<?> program, String... args) {
        return AgentExplorer.mainClass(program.getName())
                .args(args)
                .explore(ExploreOptions.exhaustive());
    }
}
