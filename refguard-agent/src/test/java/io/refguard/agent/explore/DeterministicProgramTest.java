package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.determinism.EntropySeeded;
import example.determinism.Finalized;
import example.determinism.IdentityOrder;
import example.determinism.JdkIdentityOrder;
import example.determinism.LazyRegistry;
import example.determinism.SampledTracking;
import io.refguard.agent.bridge.SyncBridge;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under exploration through the agent, identity hashes, thread ids and thread names are the same in
 * every run of the same schedule: a program whose failure message shows the iteration order of a
 * hash set keyed by identity, the hashes, and its threads' ids and names fails with the same
 * message in every replay of its token (each replay loads the program afresh, with new objects).
 */
class DeterministicProgramTest {

    private static InterleavingFailure explore(ExploreOptions options) {
        return assertThrows(
                InterleavingFailure.class,
                () -> AgentExplorer.mainClass(IdentityOrder.class.getName()).explore(options));
    }

    @Test
    void identityHashesThreadIdsAndNamesRepeatInEveryReplay() {
        InterleavingFailure found = explore(ExploreOptions.exhaustive());
        String message = found.report().failure().summary();
        assertTrue(
                message.contains(
                        "seen [Thread-0#2, Thread-1#3] before start Thread-0#2 main main#1"),
                message);
        assertFalse(
                message.contains("!"), "hashCode and System.identityHashCode agree: " + message);
        for (int i = 0; i < 10; i++) {
            InterleavingFailure replayed = explore(ExploreOptions.replay(found.replayToken()));
            assertEquals(message, replayed.report().failure().summary(), "replay " + (i + 1));
            assertEquals(
                    PlainProgramsTest.tableRows(found.table()),
                    PlainProgramsTest.tableRows(replayed.table()));
        }
    }

    @Test
    void identityHashesTheJdkComputesRepeatInEveryReplay() {
        assertTrue(SyncBridge.repeatableIdentityHashes(), "this JVM's headers are written");
        InterleavingFailure found =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(JdkIdentityOrder.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        String message = found.report().failure().summary();
        assertTrue(message.contains("locks 4 ran ["), message);
        for (int i = 0; i < 5; i++) {
            InterleavingFailure replayed =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    AgentExplorer.mainClass(JdkIdentityOrder.class.getName())
                                            .explore(ExploreOptions.replay(found.replayToken())));
            assertEquals(message, replayed.report().failure().summary(), "replay " + (i + 1));
        }
    }

    @Test
    void ordersOfJdkIdentityHashesLetAnExhaustiveSearchFinish() {
        ExploreResult r =
                AgentExplorer.mainClass(JdkIdentityOrder.Quiet.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
    }

    @Test
    void stateAnEnumFillsOnceInTheFirstRunIsAWarmUp() {
        ExploreResult r =
                AgentExplorer.mainClass(LazyRegistry.class.getName())
                        .explore(ExploreOptions.defaults().maxRuns(200));
        assertTrue(r.runs() > 2, r::toString);
        ExploreResult exhaustive =
                AgentExplorer.mainClass(LazyRegistry.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, exhaustive.stop(), exhaustive::toString);
    }

    @Test
    void stateAnEnumChangesInEveryRunIsInconclusiveNamingTheStepAndTheEnum() {
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                AgentExplorer.mainClass(LazyRegistry.Counting.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.NOT_DETERMINISTIC, e.kind());
        String m = e.getMessage();
        assertTrue(
                m.startsWith(
                        "\nScenario \"example.determinism.LazyRegistry$Counting\" is inconclusive:"
                                + " runs of the same schedule differ\n"),
                m);
        assertTrue(m.contains("| step | main"), m);
        assertTrue(m.contains("\nFailure: At step "), m);
        assertTrue(m.contains("Replay: " + e.replayToken()), m);
        assertTrue(m.contains("not a bug of the program"), m);
        assertTrue(
                m.contains(
                        "State may be kept from run to run in"
                                + " example.determinism.LazyRegistry$Counting$Runs (an enum)."),
                m);
        assertTrue(m.contains("What to do: "), m);
    }

    @Test
    void drawsOfThreadLocalRandomRepeatWithTheSchedule() {
        ExploreResult r =
                AgentExplorer.mainClass(SampledTracking.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() > 2, r::toString);
    }

    @Test
    void drawsAreTheSameInEveryReplayAndASeededGeneratorDrawsAsSeeded() {
        InterleavingFailure found =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(SampledTracking.Reported.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        String message = found.report().failure().summary();
        assertTrue(
                message.endsWith(", seeded " + new java.util.Random(42).nextInt(1_000_000)),
                message);
        for (int i = 0; i < 5; i++) {
            InterleavingFailure replayed =
                    assertThrows(
                            InterleavingFailure.class,
                            () ->
                                    AgentExplorer.mainClass(
                                                    SampledTracking.Reported.class.getName())
                                            .explore(ExploreOptions.replay(found.replayToken())));
            assertEquals(message, replayed.report().failure().summary(), "replay " + (i + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                EntropySeeded.FromEntropyFile.class,
                EntropySeeded.FromUnseededRandom.class,
                EntropySeeded.FromSecureRandom.class,
                EntropySeeded.FromRandomUuids.class
            })
    void randomnessFromTheJvmAndTheSystemRepeatsWithTheSchedule(Class<?> program) {
        ExploreResult r =
                AgentExplorer.mainClass(program.getName()).explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() > 2, r::toString);
    }

    @Test
    void theProgramsFinalizersDoNotRunUnderExploration() {
        ExploreResult r =
                AgentExplorer.mainClass(Finalized.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
    }
}
