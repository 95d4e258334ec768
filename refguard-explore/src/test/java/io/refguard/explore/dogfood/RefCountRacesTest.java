package io.refguard.explore.dogfood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.Ref;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * refguard-core's own reference-count races, explored through its scheduling hook: every read and
 * update of a count is a scheduling point. Each scenario asserts that deallocation happens exactly
 * once, after the last reference is closed, and never while a reference is held.
 */
@ExtendWith(TrackedMode.class)
class RefCountRacesTest {

    static final ExploreOptions BOUND_2 =
            ExploreOptions.exhaustive().preemptionBound(2).internalPoints(true);

    static final class Two {
        final Resource r = new Resource("resource");
        final Ref<Resource> second = r.acquire();
    }

    @Test
    void twoReleasesRaceToTheLastOne() {
        ExploreResult result =
                Explorer.scenario("two last releases")
                        .setup(Two::new)
                        .actor("T1", s -> s.r.close())
                        .actor("T2", s -> s.second.close())
                        .check(
                                s -> {
                                    assertEquals(
                                            1, s.r.deallocations(), "deallocated exactly once");
                                    assertFalse(s.r.isAlive());
                                })
                        .explore(BOUND_2);
        assertTrue(result.exhausted(), result.toString());
    }

    @Test
    void acquireRacesTheOtherThreadsLastRelease() {
        // T1 holds 'second' and acquires through it while T2 releases the creator's reference
        ExploreResult result =
                Explorer.scenario("acquire against the last release")
                        .setup(Two::new)
                        .actor(
                                "T1",
                                s -> {
                                    Ref<Resource> third = s.second.get().acquire();
                                    s.second.close();
                                    third.get().use();
                                    third.close();
                                })
                        .actor("T2", s -> s.r.close())
                        .check(
                                s ->
                                        assertEquals(
                                                1, s.r.deallocations(), "deallocated exactly once"))
                        .explore(BOUND_2);
        assertTrue(result.exhausted(), result.toString());
    }

    static final class One {
        final Resource r = new Resource("resource");
        boolean acquired;
    }

    @Test
    void tryAcquireRacesTheLastRelease() {
        ExploreResult result =
                Explorer.scenario("tryAcquire against release")
                        .setup(One::new)
                        .actor("owner", s -> s.r.close())
                        .actor(
                                "finder",
                                s -> {
                                    Ref<Resource> ref =
                                            s.r.tryAcquire(); // get-unless-zero: null once dead
                                    if (ref != null) {
                                        s.acquired = true;
                                        ref.get().use();
                                        ref.close();
                                    }
                                })
                        .check(
                                s -> {
                                    assertEquals(
                                            1, s.r.deallocations(), "deallocated exactly once");
                                    assertFalse(s.r.isAlive());
                                })
                        .explore(BOUND_2);
        assertTrue(result.exhausted(), result.toString());
    }

    @Test
    void bothOutcomesOfTryAcquireAreReached() {
        boolean[] seen = new boolean[2];
        Explorer.scenario("tryAcquire outcomes")
                .setup(One::new)
                .actor("owner", s -> s.r.close())
                .actor(
                        "finder",
                        s -> {
                            Ref<Resource> ref = s.r.tryAcquire();
                            if (ref != null) {
                                s.acquired = true;
                                ref.close();
                            }
                        })
                .check(s -> seen[s.acquired ? 1 : 0] = true)
                .explore(BOUND_2);
        assertTrue(
                seen[0] && seen[1],
                "the explorer reached both a failed and a successful tryAcquire");
    }
}
