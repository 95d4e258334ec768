package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.OwnSynchronizers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * The program's own synchronizers on {@code AbstractQueuedSynchronizer} block in the model ({@link
 * Synchronizers}): before, a thread that failed to acquire parked inside the JDK and the run was
 * reported stuck after ten seconds.
 */
class OwnSynchronizersTest {

    private static ExploreResult passes(Class<?> program) {
        ExploreResult r =
                AgentExplorer.mainClass(program.getName()).explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
        return r;
    }

    @Test
    void threadsThatWaitForTheProgramsMutexOrLatchBlockInTheModel() {
        passes(OwnSynchronizers.Counted.class);
        passes(OwnSynchronizers.HandedOver.class);
        passes(OwnSynchronizers.SharedPermits.class);
    }

    @Test
    void aTryAcquireThatChecksThenSetsTheStateIsExploredAsTheRaceItIs() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                OwnSynchronizers.CheckThenSet.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("expected 4"), f.getMessage());
        assertTrue(f.table().contains("getState()"), f.table());
    }

    @Test
    void theQueueIsTheModelsSoAFairMutexHandsOverInOrder() {
        passes(OwnSynchronizers.FairHandOver.class);
    }

    @Test
    void interruptsAndTimeoutsEndAWaitingAcquire() {
        passes(OwnSynchronizers.GivesUp.class);
    }

    @Test
    void aWaitOnTheSynchronizersConditionReleasesItAndWaitsInTheModel() {
        passes(OwnSynchronizers.ConditionWait.class);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                OwnSynchronizers.ConditionLostSignal.class
                                                        .getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
    }

    @Test
    void theSynchronizersQuestionsAboutAConditionSeeTheThreadsWaitingInTheModel() {
        passes(OwnSynchronizers.ConditionWaiters.class);
    }
}
