package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.UnstartedJoin;
import io.refguard.explore.ExploreResult;
import org.junit.jupiter.api.Test;

/** Threads the program made but never started, as the JDK treats them. */
class UnstartedThreadsTest {

    @Test
    void joiningAThreadNeverStartedReturnsAtOnce() {
        // was inconclusive: "joins thread 'never', which code refguard does not instrument
        // started during the run"
        ExploreResult r = AgentExplorer.mainClass(UnstartedJoin.class.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }
}
