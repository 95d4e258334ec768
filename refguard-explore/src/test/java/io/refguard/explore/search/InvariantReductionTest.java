package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/**
 * An invariant checks the states between steps, and schedules that only reorder independent steps
 * pass through different ones: a partial-order reduction must not skip them for a scenario with
 * invariants, while the same scenario checked only at its end keeps the reduction.
 */
class InvariantReductionTest {

    /** Two flags, each raised and lowered by its own thread: independent writes. */
    static final class Flags {
        final SharedInt x = new SharedInt("x", 0);
        final SharedInt y = new SharedInt("y", 0);
    }

    private static Scenario<Flags> raiseAndLower() {
        return Explorer.scenario("raise and lower")
                .setup(Flags::new)
                .actor(
                        "T1",
                        s -> {
                            s.x.set(1);
                            s.x.set(0);
                        })
                .actor(
                        "T2",
                        s -> {
                            s.y.set(1);
                            s.y.set(0);
                        });
    }

    /** Both flags up at once: only in a state between the steps, never at the end. */
    private static Scenario<Flags> neverBothRaised() {
        return raiseAndLower()
                .invariant("never both raised", s -> !(s.x.peek() == 1 && s.y.peek() == 1));
    }

    @Test
    void unboundedDporFindsAStateOnlyAnotherOrderOfIndependentStepsPasses() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                neverBothRaised()
                                        .explore(
                                                ExploreOptions.dpor()
                                                        .preemptionBound(Integer.MAX_VALUE)));
        assertTrue(f.getMessage().contains("never both raised"), f.getMessage());
    }

    @Test
    void boundedDporAndTheDefaultFindItToo() {
        for (ExploreOptions o :
                new ExploreOptions[] {
                    ExploreOptions.dpor().preemptionBound(2), ExploreOptions.defaults()
                }) {
            InterleavingFailure f =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> neverBothRaised().explore(o),
                            o.toString());
            assertEquals(1, f.report().preemptions(), o.toString());
        }
    }

    @Test
    void withoutInvariantsTheWritesStillCommute() {
        ExploreResult r =
                raiseAndLower().explore(ExploreOptions.dpor().preemptionBound(Integer.MAX_VALUE));
        assertTrue(r.exhausted(), r.toString());
        assertEquals(1, r.distinctSchedules(), r.toString());
    }
}
