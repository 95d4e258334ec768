package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.RunScope;
import io.refguard.hook.SchedulingHook;
import io.refguard.swap.HotSwap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seam to the interleaving explorer: scheduling points before shared updates, and run scopes.
 */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class SchedulingPointsTest {

    /** Records (access, label) of the calls on the current thread. */
    private static final class Recorder implements SchedulingHook {
        final Thread thread = Thread.currentThread();
        final List<String> calls = new ArrayList<>();

        @Override
        public void beforeAccess(Object target, Access access, String label) {
            if (Thread.currentThread() == thread) {
                calls.add(access + " " + label);
            }
        }

        List<String> drain() {
            List<String> out = new ArrayList<>(calls);
            calls.clear();
            return out;
        }
    }

    private Recorder recorder;

    @AfterEach
    void uninstall() {
        if (recorder != null) {
            Hooks.uninstallScheduling(recorder);
        }
        RefGuard.resetToDefaults();
    }

    private Recorder install() {
        recorder = new Recorder();
        Hooks.installScheduling(recorder);
        return recorder;
    }

    @Test
    void untrackedCountUpdatesAreSchedulingPoints() {
        RefGuard.setMode(CheckMode.OFF);
        Buffer b = new Buffer();
        Recorder r = install();
        b.acquire();
        assertEquals(List.of("UPDATE acquire"), r.drain());
        b.tryAcquire();
        assertEquals(List.of("UPDATE tryAcquire"), r.drain());
        b.close();
        assertEquals(List.of("READ release-read", "UPDATE release"), r.drain());
        b.close();
        b.close();
    }

    @Test
    void trackedReferencesAddHandleAndScopeUpdates() {
        try (LeakScope scope = LeakScope.open()) {
            Buffer b = new Buffer();
            Recorder r = install();
            Ref<Buffer> h = b.acquire();
            assertEquals(List.of("UPDATE acquire", "UPDATE scope-register"), r.drain());
            h.close();
            assertEquals(
                    List.of(
                            "UPDATE close",
                            "UPDATE scope-unregister",
                            "READ release-read",
                            "UPDATE release"),
                    r.drain());
            b.close();
        }
    }

    @Test
    void usesOfAnObjectOrAReferenceAreReadPoints() {
        try (LeakScope scope = LeakScope.open()) {
            Buffer b = new Buffer();
            Recorder r = install();
            Ref<Buffer> h = b.acquire();
            r.drain();
            h.get().read();
            b.get();
            assertEquals(List.of("READ get", "READ ensureAccessible", "READ get"), r.drain());
            h.close();
            b.close();
        }
    }

    @Test
    void accessRecordsAreSchedulingPoints() {
        RefGuard.setRecords(true);
        try (LeakScope scope = LeakScope.open()) {
            Buffer b = new Buffer();
            Recorder r = install();
            b.touch("hint");
            assertEquals(List.of("READ get", "UPDATE record"), r.drain()); // touch uses it
            Ref<Buffer> h = b.acquire();
            assertEquals(
                    List.of("UPDATE acquire", "UPDATE record", "UPDATE scope-register"), r.drain());
            h.close();
            b.close();
        }
    }

    @Test
    void hotSwapReadsAndPublishesAreSchedulingPoints() {
        RefGuard.setMode(CheckMode.OFF);
        HotSwap<Buffer> swap = new HotSwap<>(new Buffer());
        Buffer next = new Buffer();
        Recorder r = install();
        swap.acquire().close();
        assertEquals(
                List.of(
                        "READ hotswap-read",
                        "UPDATE tryAcquire",
                        "READ release-read",
                        "UPDATE release"),
                r.drain());
        swap.swap(next);
        assertEquals(
                List.of(
                        "READ get", // the new snapshot must be alive
                        "READ hotswap-read",
                        "UPDATE hotswap-swap",
                        "READ release-read",
                        "UPDATE release"),
                r.drain());
        swap.close();
        assertEquals(
                List.of("UPDATE hotswap-close", "READ release-read", "UPDATE release"), r.drain());
    }

    @Test
    void aSecondExplorerIsRefused() {
        install();
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> Hooks.installScheduling((t, a, l) -> {}));
        assertTrue(e.getMessage().contains("one after the other"), e.getMessage());
    }

    @Test
    void aRunScopeReportsWhatItsBoundActorsLeaked() throws Exception {
        RunScope run = Hooks.openRunScope();
        List<Ref<Buffer>> leaked = new ArrayList<>();
        int[] line = new int[1];
        Thread actor =
                new Thread(
                        () -> {
                            try (RunScope.Binding b = run.bindCurrentThread()) {
                                Buffer buffer = new Buffer();
                                line[0] = Lines.next();
                                leaked.add(buffer.acquire());
                                buffer.close();
                            }
                        },
                        "actor-1");
        actor.start();
        actor.join();
        LeakException e = assertThrows(LeakException.class, run::close);
        assertEquals(1, e.reports().size(), e.getMessage());
        assertEquals(line[0], e.report().site(io.refguard.Report.Role.ACQUIRED).lineNumber());
        assertEquals("actor-1", e.report().site(io.refguard.Report.Role.ACQUIRED).threadName());
        leaked.get(0).close();
    }
}
