package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.fields.LongLoops;
import example.jdk.BuiltThenPublished;
import io.refguard.agent.AgentOptions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * With plain fields as scheduling points, a thread's repeated accesses to one field fold into few
 * steps, as an array's do: a loop of 200,000 increments is not a run without progress, whether
 * another thread could run meanwhile or not. A lost update between two such loops is still found,
 * and a thread that loops alone for good is still no progress.
 */
class LongLoopsTest {

    private static AgentExplorer program(Class<?> c) {
        return AgentExplorer.mainClass(c.getName())
                .agentOptions(AgentOptions.forProgram(c.getName()).withPlainFields(true));
    }

    @Test
    void longLoopsOverPlainFieldsStayWithinTheStepBudget() {
        ExploreResult r =
                program(LongLoops.class).explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    @Test
    void aLostUpdateBetweenTwoLoopsIsStillFound() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                program(LongLoops.LostCount.class)
                                        .explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::table);
        assertTrue(f.table().contains("AssertionError: count "), f::table);
    }

    @Test
    void aLoopAloneForGoodIsStillNoProgress() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                program(LongLoops.Forever.class)
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.LIVELOCK, f.report().failure().kind(), f::table);
    }

    @Test
    void aLoopThatBuildsItsOwnTextIsNoSpinAndRunsToItsEnd() {
        // held back as a spin on the setting it re-reads, the writer could never finish before
        // the reader's check, and every schedule within the bound passed
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(BuiltThenPublished.class.getName())
                                        .explore());
        assertTrue(f.table().contains("saw the publication"), f.table());
    }
}
