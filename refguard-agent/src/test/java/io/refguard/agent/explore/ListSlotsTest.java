package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.ListSlots;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls on a list that is not thread-safe are checked element by element where a call addresses one
 * element: threads that fill distinct indices race on nothing, one index or a call on the whole
 * list still races.
 */
class ListSlotsTest {

    @Test
    void setsOfDistinctIndicesAreNoRace() {
        ExploreResult r =
                AgentExplorer.mainClass(ListSlots.class.getName())
                        .args("distinct")
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"same", "grow"})
    void aSetRacesWithASetOfItsIndexAndWithAnAppend(String mode) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(ListSlots.class.getName())
                                        .args(mode)
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
        assertTrue(
                f.getMessage().contains("two threads use ArrayList#1 without synchronization"),
                f::getMessage);
    }
}
