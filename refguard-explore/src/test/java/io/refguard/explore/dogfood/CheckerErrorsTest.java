package io.refguard.explore.dogfood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.Ref;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** refguard's checker errors fail the schedule they happen in, with the checker's own message. */
@ExtendWith(TrackedMode.class)
class CheckerErrorsTest {

    static final ExploreOptions OPTIONS = ExploreOptions.exhaustive().internalPoints(true);

    @Test
    void aReferenceStillOpenAtTheEndOfTheRunIsALeak() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("leak")
                                        .setup(() -> new Resource("r"))
                                        .actor(
                                                "T1",
                                                r ->
                                                        r.acquire()
                                                                .get()
                                                                .use()) // the acquired reference is
                                        // never closed
                                        .check(r -> r.close())
                                        .explore(OPTIONS));
        assertEquals(FailureKind.LEAK, f.report().failure().kind());
        assertTrue(
                f.table().contains("CheckerErrorsTest.java"),
                "the leak names the acquire site:\n" + f.table());
    }

    @Test
    void aDoubleReleaseFailsTheThreadThatDoesIt() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("double release")
                                        .setup(() -> new Resource("r"))
                                        .actor(
                                                "T1",
                                                r -> {
                                                    Ref<Resource> ref = r.acquire();
                                                    ref.close();
                                                    ref.close();
                                                })
                                        .check(r -> r.close())
                                        .explore(OPTIONS));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind());
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .startsWith("T1 threw io.refguard.DoubleReleaseException"),
                f.report().failure().summary());
        assertTrue(
                f.table().contains("released again at  CheckerErrorsTest.lambda$")
                        && f.table().contains(" on thread T1\n"),
                "the checker's sites name the actor's thread:\n" + f.table());
    }

    @Test
    void aUseAfterReleaseFailsTheThreadThatDoesIt() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("use after release")
                                        .setup(() -> new Resource("r"))
                                        .actor(
                                                "T1",
                                                r -> {
                                                    Ref<Resource> ref = r.acquire();
                                                    ref.close();
                                                    ref.get().use();
                                                })
                                        .check(r -> r.close())
                                        .explore(OPTIONS));
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .startsWith("T1 threw io.refguard.UseAfterReleaseException"),
                f.report().failure().summary());
    }
}
