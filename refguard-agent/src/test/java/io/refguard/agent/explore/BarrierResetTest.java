package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.BarrierReset;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/**
 * {@code CyclicBarrier.reset()} breaks the generation its waiters wait in, as the JDK does ({@link
 * BarrierModel}): before, the model started the next generation and the waiters returned from
 * {@code await} as if the barrier had tripped.
 */
class BarrierResetTest {

    @Test
    void aResetBreaksTheWaitersRoundAndLeavesTheBarrierWhole() {
        ExploreResult r =
                AgentExplorer.mainClass(BarrierReset.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }
}
