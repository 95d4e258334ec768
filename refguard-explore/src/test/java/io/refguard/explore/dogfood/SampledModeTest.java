package io.refguard.explore.dogfood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Under the default SAMPLED mode the checker tracks a random sample of objects. An exploration must
 * not inherit that randomness: objects its setup creates are tracked in every run, so the
 * scheduling points are the same in every run of a schedule and leaks are always caught.
 */
class SampledModeTest {

    @AfterEach
    void restore() {
        RefGuard.resetToDefaults();
    }

    @Test
    void setupObjectsAreTrackedInEveryRunWhateverTheSampling() {
        RefGuard.setMode(CheckMode.SAMPLED);
        RefGuard.setSampleInterval(2); // half the objects, at random, if the sampling applied
        ExploreResult result =
                Explorer.scenario("two readers")
                        .setup(() -> new Resource("r"))
                        .actor(
                                "T1",
                                r -> {
                                    try (Ref<Resource> ref = r.acquire()) {
                                        ref.get().use();
                                    }
                                })
                        .actor(
                                "T2",
                                r -> {
                                    try (Ref<Resource> ref = r.acquire()) {
                                        ref.get().use();
                                    }
                                })
                        .check(
                                r -> {
                                    r.close();
                                    assertEquals(1, r.deallocations());
                                })
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(result.exhausted(), result.toString());
    }

    @Test
    void aLeakOfASetupObjectIsCaughtEvenWhenSamplingWouldSkipIt() {
        RefGuard.setMode(CheckMode.SAMPLED);
        RefGuard.setSampleInterval(1 << 30); // practically never sampled
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("leak under sampling")
                                        .setup(() -> new Resource("r"))
                                        .actor("T1", r -> r.acquire().get().use()) // never closed
                                        .check(Resource::close)
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.LEAK, f.report().failure().kind());
    }
}
