package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs of 1,000 threads end with the right verdict: a lost update among them is found, and the
 * fixed program passes, with threads that wait on a lock, a wait set and a join among the ones that
 * work (threads the scheduler leaves out of its decisions until the event they wait for).
 */
class ThousandThreadsTest {

    static final int THREADS = 1_000;

    /** A counter, and a gate the waiting threads pass once every worker is done. */
    static final class State {
        final SharedInt count = new SharedInt("count", 0);
        final SharedInt done = new SharedInt("done", 0);
        final Object gate = new Object();
        boolean open; // under the gate's lock
        int passed; // under the gate's lock
    }

    private static Scenario<State> scenario(boolean fixed) {
        Scenario<State> s =
                Explorer.scenario(fixed ? "1000 fixed" : "1000 buggy").setup(State::new);
        int workers = THREADS / 2;
        for (int t = 0; t < workers; t++) {
            s.actor(
                    "W" + t,
                    st -> {
                        if (fixed) {
                            st.count.incrementAndGet();
                        } else {
                            int v = st.count.get();
                            st.count.set(v + 1);
                        }
                        if (st.done.incrementAndGet() == workers) {
                            Coordinator.lock(st.gate);
                            st.open = true;
                            Coordinator.signalAll(st.gate);
                            Coordinator.unlock(st.gate);
                        }
                    });
        }
        for (int t = workers; t < THREADS; t++) {
            s.actor(
                    "G" + t,
                    st -> {
                        Coordinator.lock(st.gate);
                        while (!st.open) {
                            Coordinator.await(st.gate);
                        }
                        st.passed++;
                        Coordinator.unlock(st.gate);
                    });
        }
        return s.check(
                st -> {
                    assertEquals(THREADS - workers, st.passed, "every waiter passed the gate");
                    assertEquals(workers, st.count.peek(), "every increment counts");
                });
    }

    @Test
    void aLostUpdateAmongAThousandThreadsIsFound() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        // simplifying a failure of 1,000 threads re-runs it many times: seconds
                        () ->
                                scenario(false)
                                        .explore(
                                                ExploreOptions.random()
                                                        .maxRuns(20)
                                                        .minimize(false)));
        assertTrue(f.getMessage().contains("every increment counts"), f.getMessage());
        assertEquals(THREADS, f.report().threads().size());
    }

    @Test
    void theFixedThousandThreadsPassEveryStrategy() {
        for (ExploreOptions o :
                new ExploreOptions[] {
                    ExploreOptions.defaultSearch(),
                    ExploreOptions.random(),
                    ExploreOptions.pct(3),
                    ExploreOptions.pos()
                }) {
            ExploreResult r = scenario(true).explore(o.maxRuns(3));
            assertEquals(3, r.runs(), r.toString());
            assertEquals(ExploreResult.Stop.MAX_RUNS, r.stop(), r.toString());
        }
    }

    @Test
    void joinsOfAThousandSpawnedThreadsEnd() {
        ExploreResult r =
                Explorer.scenario("spawn and join 1000")
                        .setup(() -> new SharedInt("n", 0))
                        .actor(
                                "main",
                                n -> {
                                    List<ActorHandle> children = new ArrayList<>();
                                    for (int i = 1; i < THREADS; i++) {
                                        children.add(
                                                Coordinator.spawn("c" + i, n::incrementAndGet));
                                    }
                                    for (ActorHandle c : children) {
                                        Coordinator.join(c);
                                    }
                                    assertEquals(THREADS - 1, n.get());
                                })
                        .explore(ExploreOptions.random().maxRuns(2));
        assertEquals(2, r.runs());
    }
}
