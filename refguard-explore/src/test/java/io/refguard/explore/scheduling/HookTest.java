package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;
import org.junit.jupiter.api.Test;

/**
 * The scheduling hook refguard-core calls: installed while explorations run, a point on managed
 * threads only.
 */
class HookTest {

    /** A counter that reports its accesses the way core code does, through the installed hook. */
    static final class HookedCounter {
        int value;

        void increment() {
            SchedulingHook h = Hooks.scheduling();
            if (h != null) {
                h.beforeAccess(this, Access.READ, "count-read");
            }
            int v = value;
            if (h != null) {
                h.beforeAccess(this, Access.WRITE, "count-write");
            }
            value = v + 1;
        }
    }

    @Test
    void coreOperationsBecomeSchedulingPointsDuringAnExplorationOnly() {
        assertNull(Hooks.scheduling(), "nothing installed outside explorations");
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("hooked counter")
                                        .setup(
                                                () -> {
                                                    HookedCounter c = new HookedCounter();
                                                    assertNotNull(
                                                            Hooks.scheduling(),
                                                            "installed for the exploration");
                                                    c.increment(); // on the unmanaged
                                                    // exploring thread:
                                                    // returns at once
                                                    return c;
                                                })
                                        .actor("T1", HookedCounter::increment)
                                        .actor("T2", HookedCounter::increment)
                                        .check(c -> assertEquals(3, c.value))
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(1, f.report().preemptions());
        assertTrue(f.table().contains("count-read HookedCounter#1"), f.table());
        assertNull(Hooks.scheduling(), "uninstalled after the exploration, even a failing one");
    }

    @Test
    void anExplorationStartedInsideAnotherIsRefusedWithAnExplanation() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("outer")
                                        .setup(Object::new)
                                        .actor(
                                                "T1",
                                                o ->
                                                        Explorer.scenario("inner")
                                                                .setup(Object::new)
                                                                .actor("U1", x -> {})
                                                                .explore(
                                                                        ExploreOptions
                                                                                .exhaustive()))
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind());
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .contains(
                                "an exploration cannot start inside a thread of another exploration (T1)"),
                f.report().failure().summary());
        assertNull(Hooks.scheduling());
    }
}
