package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.AtomicSlots;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each slot of an atomic array, and each element of an array reached through a {@code VarHandle},
 * is a location of its own, and a plain array's elements, one location, are read by loops, not
 * spins: a scan that reads each slot once is no spin (held back as one, the scan could never finish
 * before another thread's write, and the bug below was verified), a loop on one slot still is, and
 * updates of different slots commute.
 */
class AtomicSlotsTest {

    @ParameterizedTest
    @ValueSource(strings = {"scan", "handleScan"})
    void aScanOfTheSlotsCanRunBeforeAnotherThreadsWrite(String mode) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(AtomicSlots.class.getName())
                                        .args(mode)
                                        .explore());
        assertTrue(f.getMessage().contains("the sum missed the last slot: 0"), f::getMessage);
    }

    @Test
    void aLoopOverAPlainArrayIsNoSpin() {
        ExploreResult r =
                AgentExplorer.mainClass(example.jdk.JoinEach.class.getName())
                        .agentOptions(
                                io.refguard.agent.AgentOptions.forProgram(
                                                example.jdk.JoinEach.class.getName())
                                        .withPlainFields(true))
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
        assertEquals(0, r.spinHolds(), r::toString);
    }

    @Test
    void aSpinOnOneSlotEndsWhenItIsSet() {
        ExploreResult r =
                AgentExplorer.mainClass(AtomicSlots.class.getName())
                        .args("spin")
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aSpinOnASlotNobodySetsIsALivelock() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(AtomicSlots.class.getName())
                                        .args("stuck")
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.LIVELOCK, f.report().failure().kind(), f::getMessage);
    }

    @Test
    void updatesOfDifferentSlotsCommute() {
        ExploreResult apart =
                AgentExplorer.mainClass(AtomicSlots.class.getName())
                        .args("apart")
                        .explore(ExploreOptions.dpor());
        ExploreResult shared =
                AgentExplorer.mainClass(AtomicSlots.class.getName())
                        .args("shared")
                        .explore(ExploreOptions.dpor());
        assertTrue(apart.exhausted(), apart::toString);
        assertTrue(shared.exhausted(), shared::toString);
        // what is left to order in "apart" is the start, the gate and the joins
        assertTrue(apart.runs() * 5 < shared.runs(), apart + " against " + shared);
    }
}
