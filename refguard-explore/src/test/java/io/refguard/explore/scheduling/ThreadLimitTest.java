package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run over the explorer's thread limit makes the exploration inconclusive, never a bug of the
 * program.
 */
class ThreadLimitTest {

    @Test
    void spawningPastTheLimitIsTheExplorersErrorNotTheProgramsFailure() {
        Scenario<SharedInt> s =
                Explorer.scenario("many spawns")
                        .setup(() -> new SharedInt("n", 0))
                        .actor(
                                "main",
                                n -> {
                                    List<ActorHandle> children = new ArrayList<>();
                                    for (int i = 0; i < 4_100; i++) {
                                        try {
                                            children.add(
                                                    Coordinator.spawn("c" + i, n::incrementAndGet));
                                        } catch (RuntimeException e) {
                                            // a program must not be able to swallow the explorer's
                                            // limit
                                        }
                                    }
                                    for (ActorHandle c : children) {
                                        Coordinator.join(c);
                                    }
                                });
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () -> s.explore(ExploreOptions.exhaustive().maxRuns(5)));
        assertEquals(FailureKind.THREAD_LIMIT, e.kind());
        assertTrue(
                e.getMessage().contains("limit of the explorer, not a bug of the program"),
                e.getMessage());
    }

    @Test
    void tooManyActorsAreRefusedBeforeAnyRun() {
        Scenario<SharedInt> s = Explorer.scenario("many actors").setup(() -> new SharedInt("n", 0));
        for (int i = 0; i < 4_100; i++) {
            s.actor("T" + i, n -> n.incrementAndGet());
        }
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> s.explore(ExploreOptions.random().maxRuns(1)));
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
    }
}
