package io.refguard.explore.dogfood;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.Ref;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import org.junit.jupiter.api.Test;

/**
 * refguard's internal steps (the checker's bookkeeping, the read before a release's
 * compare-and-set) are scheduling points only when an exploration asks for them: reports on user
 * code show the user's steps and the count updates, and refguard's own tests see everything.
 */
class InternalPointsTest {

    /** A use after release: T2 may use the resource after T1's release freed it. */
    private static Scenario<Resource> useAfterFree() {
        return Explorer.scenario("use after free")
                .setup(() -> new Resource("r"))
                .actor("T1", Resource::close)
                .actor(
                        "T2",
                        r -> {
                            try (Ref<Resource> ref = r.tryAcquire()) {
                                if (ref != null) {
                                    ref.get().use();
                                }
                            }
                            r.use(); // without a reference
                        });
    }

    @Test
    void byDefaultTheReportShowsNoCheckerBookkeeping() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> useAfterFree().explore(ExploreOptions.exhaustive()));
        for (String internal :
                new String[] {"scope-register", "scope-unregister", "release-read"}) {
            assertFalse(f.table().contains(internal), internal + " in:\n" + f.table());
        }
        assertTrue(f.table().contains("release"), f.table());
    }

    @Test
    void onRequestTheInternalStepsAreScheduledToo() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                useAfterFree()
                                        .explore(ExploreOptions.exhaustive().internalPoints(true)));
        assertTrue(f.table().contains("release-read"), f.table());
        assertTrue(f.table().contains("scope-unregister"), f.table());
    }
}
