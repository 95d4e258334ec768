package io.refguard.explore.dogfood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.Ref;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.swap.HotSwap;
import io.refguard.swap.HotSwapSet;
import io.refguard.swap.MemberSet;
import io.refguard.swap.ReloadException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * refguard-core's hot-swap races: a reader acquiring the current snapshot while a writer swaps it,
 * and a reader iterating a member set while a reload fails half-way (seed 1's second bug) or
 * succeeds. Snapshots and members must be deallocated exactly once, never while held.
 */
@ExtendWith(TrackedMode.class)
class HotSwapRacesTest {

    static final ExploreOptions BOUND_2 =
            ExploreOptions.exhaustive().preemptionBound(2).internalPoints(true);

    static final class Swap {
        final Resource v1 = new Resource("v1");
        final HotSwap<Resource> current = new HotSwap<>(v1);
        Resource v2;
    }

    @Test
    void acquireRacesSwap() {
        ExploreResult result =
                Explorer.scenario("hot-swap acquire against swap")
                        .setup(Swap::new)
                        .actor(
                                "reader",
                                s -> {
                                    try (Ref<Resource> r = s.current.acquire()) {
                                        r.get().use();
                                    }
                                })
                        .actor(
                                "writer",
                                s -> {
                                    s.v2 = new Resource("v2");
                                    s.current.swap(s.v2);
                                })
                        .check(
                                s -> {
                                    assertEquals(
                                            1,
                                            s.v1.deallocations(),
                                            "v1 freed once, after its reader");
                                    assertEquals(0, s.v2.deallocations(), "v2 is current");
                                    s.current.close();
                                    assertEquals(
                                            1,
                                            s.v2.deallocations(),
                                            "closing the manager frees v2");
                                })
                        .explore(BOUND_2);
        assertTrue(result.exhausted(), result.toString());
    }

    /** A member set over tables t1, t2, ...; opening "missing" fails. */
    static final class Stack {
        final Map<String, List<Resource>> opened = new HashMap<>();
        final HotSwapSet<String, Resource> set =
                new HotSwapSet<>(
                        key -> {
                            if (key.equals("missing")) {
                                throw new java.io.FileNotFoundException(key);
                            }
                            Resource r = new Resource(key);
                            opened.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                            return r;
                        });

        Stack() {
            set.reload(List.of("t1", "t2"));
        }

        Resource only(String key) {
            List<Resource> all = opened.get(key);
            assertEquals(1, all.size(), key + " opened once");
            return all.get(0);
        }

        void read() {
            try (Ref<MemberSet<String, Resource>> s = set.acquire()) {
                for (Resource t : s.get().members()) {
                    t.use();
                }
            }
        }
    }

    @Test
    void aFailingReloadFreesNothingTheCurrentSetHolds() {
        ExploreResult result =
                Explorer.scenario("failing set reload")
                        .setup(Stack::new)
                        .actor("reader", Stack::read)
                        .actor(
                                "reloader",
                                s ->
                                        assertThrows(
                                                ReloadException.class,
                                                () -> s.set.reload(List.of("t2", "missing"))))
                        .check(
                                s -> {
                                    try (Ref<MemberSet<String, Resource>> cur = s.set.acquire()) {
                                        assertEquals(
                                                List.of("t1", "t2"),
                                                cur.get().keys(),
                                                "the current set is unchanged");
                                    }
                                    assertEquals(0, s.only("t1").deallocations());
                                    assertEquals(0, s.only("t2").deallocations());
                                    s.set.close();
                                    assertEquals(1, s.only("t1").deallocations());
                                    assertEquals(1, s.only("t2").deallocations());
                                })
                        .explore(BOUND_2);
        assertTrue(result.exhausted(), result.toString());
    }

    @Test
    void aSuccessfulReloadFreesDroppedMembersAfterTheirLastReader() {
        ExploreResult result =
                Explorer.scenario("set reload")
                        .setup(Stack::new)
                        .actor("reader", Stack::read)
                        .actor("reloader", s -> s.set.reload(List.of("t2", "t3")))
                        .check(
                                s -> {
                                    assertEquals(
                                            1,
                                            s.only("t1").deallocations(),
                                            "t1 dropped and freed once");
                                    assertEquals(0, s.only("t2").deallocations(), "t2 reused");
                                    s.set.close();
                                    assertEquals(1, s.only("t2").deallocations());
                                    assertEquals(1, s.only("t3").deallocations());
                                })
                        .explore(BOUND_2);
        assertTrue(result.exhausted(), result.toString());
    }
}
