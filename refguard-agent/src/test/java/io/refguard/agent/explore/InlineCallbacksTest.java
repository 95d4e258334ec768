package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.InlineCallbacks;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Program code that the JDK runs inline on the calling thread, holding no lock, is explored as
 * code, not as one step of the JDK call ({@code LibraryOps.inline}): before, two threads' tasks or
 * actions ran atomically each, and their lost update was "verified".
 */
class InlineCallbacksTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                InlineCallbacks.TaskRunHere.class,
                InlineCallbacks.ActionOnCompleted.class,
                InlineCallbacks.ActionOnComplete.class
            })
    void twoThreadsInlineActionsInterleave(Class<?> program) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(program.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("2 additions counted as 1"), f.getMessage());
        ExploreResult fixed =
                AgentExplorer.mainClass(program.getName())
                        .args("fixed")
                        .explore(ExploreOptions.exhaustive());
        assertTrue(fixed.exhausted(), fixed::toString);
    }
}
