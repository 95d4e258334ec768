package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.NestedCollectionLocks;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JDK calls that lock their argument's monitor while they hold their receiver's deadlock when two
 * threads make them the other way round, and not when both go one way. Before, each call was one
 * atomic step and both programs were verified.
 */
class NestedMonitorsTest {

    private static final String NAME = NestedCollectionLocks.class.getName();

    @ParameterizedTest
    @ValueSource(strings = {"vectors", "tables", "lists"})
    void callsTheOtherWayRoundDeadlock(String kind) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(NAME)
                                        .args(kind)
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
        assertTrue(f.getMessage().contains("held by"), f::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vectors", "tables", "lists"})
    void callsOneWayDoNot(String kind) {
        ExploreResult r =
                AgentExplorer.mainClass(NAME)
                        .args(kind, "ordered")
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }
}
