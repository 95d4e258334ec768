package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.JdkSubclasses;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * The program's own subclasses of {@code java.util.concurrent} classes run on the JDK class's model
 * where they inherit a method ({@link ProgramSubclasses}): before, their calls reached the JDK,
 * which parked a waiting thread where the explorer cannot see it, and every run that waited ended
 * inconclusive.
 */
class JdkSubclassesTest {

    @Test
    void aPhaserThatEndsItselfInOnAdvanceRunsItsRounds() {
        ExploreResult r =
                AgentExplorer.mainClass(JdkSubclasses.PhasedRounds.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void onAdvanceRunsWhenTheLastPartyArrivesAndSeesTheRace() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(
                                                JdkSubclasses.CheckedOnAdvance.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("sum 1 when the phase ended"), f.getMessage());
    }

    @Test
    void aFutureTasksDoneMayRunAfterGetReturned() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(JdkSubclasses.ReadAfterGet.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("done() ran 0 times"), f.getMessage());
    }

    @Test
    void aQueuesOverrideThatCallsSuperWaitsInTheModel() {
        ExploreResult r =
                AgentExplorer.mainClass(JdkSubclasses.CountedHandOff.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aMapsOverrideIsTheProgramsOwnCode() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(JdkSubclasses.CountedWrites.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("1 writes counted"), f.getMessage());
    }

    @Test
    void anAbstractSkeletonsMethodsRunTheProgramsOwnCode() {
        ExploreResult r =
                AgentExplorer.mainClass(JdkSubclasses.OwnExecutor.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }
}
