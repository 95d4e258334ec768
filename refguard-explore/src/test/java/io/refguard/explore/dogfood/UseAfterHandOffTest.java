package io.refguard.explore.dogfood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.RefCounted;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.sync.SharedRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A use of an object right after the point that hands it over (or that reads where it is published)
 * is a step of its own: the thread that now owns the object can close it in between, so {@code
 * get()} and {@code ensureAccessible()} right after a hand-over throw in some schedule. Without
 * their own points the use ran in the hand-over's step, and no schedule could put the close between
 * them.
 */
@ExtendWith(TrackedMode.class)
class UseAfterHandOffTest {

    /** A page whose reads check that it is still alive, as a buffer's accessors do. */
    static final class Page extends RefCounted<Page> {
        int read() {
            ensureAccessible();
            return 1;
        }

        @Override
        protected void deallocate() {}
    }

    static final ExploreOptions OPTIONS = ExploreOptions.exhaustive();

    /** The producer hands its page over, and uses it again; the consumer takes it and closes it. */
    private static ExploreResult handOff(boolean useAfter) {
        return Explorer.scenario("hand-off")
                .setup(() -> new SharedRef<Page>("slot", null))
                .actor(
                        "producer",
                        slot -> {
                            Page p = new Page();
                            p.read();
                            slot.set(p); // the consumer owns it now
                            if (useAfter) {
                                p.get().read();
                            }
                        })
                .actor(
                        "consumer",
                        slot -> {
                            Coordinator.blockUntil(
                                    () -> slot.get() != null, slot, "wait for a page");
                            slot.get().close();
                        })
                .explore(OPTIONS);
    }

    @Test
    void getRightAfterTheHandOverIsAUseAfterReleaseInSomeSchedule() {
        InterleavingFailure f = assertThrows(InterleavingFailure.class, () -> handOff(true));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .startsWith("producer threw io.refguard.UseAfterReleaseException"),
                f::getMessage);
        assertTrue(f.table().contains(".get()"), f::getMessage);
    }

    @Test
    void withoutTheUseTheHandOverIsVerified() {
        assertTrue(handOff(false).exhausted());
    }

    /**
     * A reader takes the current page from where it is published and reads it without a reference;
     * the swapper publishes a new page and closes the old one.
     */
    @Test
    void ensureAccessibleRightAfterReadingThePublishedPageRacesWithItsClose() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("swap")
                                        .setup(() -> new SharedRef<>("current", new Page()))
                                        .actor("reader", current -> current.get().read())
                                        .actor(
                                                "swapper",
                                                current -> {
                                                    Page old = current.get();
                                                    current.set(new Page());
                                                    old.close();
                                                })
                                        .check(current -> current.get().close())
                                        .explore(OPTIONS));
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .startsWith("reader threw io.refguard.UseAfterReleaseException"),
                f::getMessage);
        assertTrue(f.table().contains(".ensureAccessible()"), f::getMessage);
    }

    /** A loop of reads with nothing else in between is one step, not a spin. */
    @Test
    void aLoopOfReadsOfOnePageIsOneStep() {
        ExploreResult r =
                Explorer.scenario("reads")
                        .setup(Page::new)
                        .actor(
                                "reader",
                                p -> {
                                    for (int i = 0; i < 10_000; i++) {
                                        p.read();
                                    }
                                })
                        .actor("other", p -> p.refCount())
                        .check(Page::close)
                        .explore(OPTIONS.maxSteps(100));
        assertTrue(r.exhausted(), r::toString);
    }
}
