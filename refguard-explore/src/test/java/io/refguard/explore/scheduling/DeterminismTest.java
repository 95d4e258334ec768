package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.runtime.Coordinator;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Non-determinism is found step by step (thread and operation), whatever the enabled threads,
 * and the runtime's identity hashes repeat from run to run.
 */
class DeterminismTest {

    @Test
    void aStepAddedInOneRunOfThreeIsNamed() {
        // In every run each thread makes two steps, so the threads able to run are the same at
        // every step of every run with the same choices: only comparing operations finds this.
        int[] runs = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Explorer
                .scenario("extra step")
                .setup(() -> new SharedInt("x", ++runs[0]))
                .actor("T1", x -> {
                    if (x.peek() % 3 == 0) {
                        Coordinator.point("extra");
                    } else {
                        x.incrementAndGet();
                    }
                    x.incrementAndGet();
                })
                .actor("T2", x -> {
                    x.incrementAndGet();
                    x.incrementAndGet();
                })
                .explore(ExploreOptions.exhaustive()));
        // found in the run with the extra step or the one after it, whichever repeats the other's choices
        assertTrue(runs[0] == 3 || runs[0] == 4, "found after " + runs[0] + " runs: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("scenario \"extra step\": the scenario is not deterministic: at step "),
                e.getMessage());
        String extra = "'extra'";
        String usual = "'x.getAndAdd'"; // SharedInt's label for incrementAndGet
        assertTrue(e.getMessage().contains(" T1 performed " + extra + " where an earlier run of the same schedule"
                + " performed " + usual) || e.getMessage().contains(" T1 performed " + usual + " where an earlier run"
                + " of the same schedule performed " + extra), e.getMessage());
    }

    @Test
    void identityHashesRepeatInEveryRunOfTheSameSchedule() {
        assertEquals(0, Coordinator.identityHash(), "no exploration on this thread");
        Set<List<Integer>> seen = new HashSet<>();
        ExploreResult r = Explorer.scenario("hashes")
                .setup(() -> {
                    List<Integer> hashes = new ArrayList<>();
                    hashes.add(Coordinator.identityHash()); // the driver, in setup
                    return hashes;
                })
                .actor("T1", h -> {
                    h.add(Coordinator.identityHash());
                    h.add(Coordinator.identityHash());
                })
                .check(h -> {
                    seen.add(List.copyOf(h));
                    assertEquals(3, new HashSet<>(h).size(), "distinct: " + h);
                    assertTrue(h.stream().allMatch(v -> v > 0), "positive: " + h);
                })
                .explore(ExploreOptions.exhaustive());
        assertEquals(1, r.runs());
        ExploreResult again = Explorer.scenario("hashes")
                .setup(() -> {
                    List<Integer> hashes = new ArrayList<>();
                    hashes.add(Coordinator.identityHash());
                    return hashes;
                })
                .actor("T1", h -> {
                    h.add(Coordinator.identityHash());
                    h.add(Coordinator.identityHash());
                })
                .check(h -> seen.add(List.copyOf(h)))
                .explore(ExploreOptions.exhaustive().maxRuns(1));
        assertEquals(1, again.runs());
        assertEquals(1, seen.size(), "the same hashes in every exploration and run: " + seen);
        assertNotEquals(0, Coordinator.identityHash() + 1);
    }
}
