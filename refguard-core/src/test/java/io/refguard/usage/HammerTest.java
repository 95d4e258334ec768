package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.DoubleReleaseException;
import io.refguard.Ref;
import io.refguard.RefGuard;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads racing acquire, tryAcquire and release on the same objects, in both the untracked
 * and the tracked implementation. Each test is bounded by a number of rounds; the invariants are
 * checked after every round: deallocate runs exactly once, a dead object is never resurrected, and
 * no thread ever holds a reference to a freed object.
 */
class HammerTest {

    private static final int ACTORS = 4;

    @AfterEach
    void restoreSettings() {
        RefGuard.resetToDefaults();
    }

    @ParameterizedTest
    @EnumSource(
            value = CheckMode.class,
            names = {"OFF", "TRACKED"})
    void acquireAndReleaseWhileTheCreatorHoldsOn(CheckMode mode) throws Exception {
        RefGuard.setMode(mode);
        AtomicReference<Buffer> current = new AtomicReference<>();
        AtomicReference<Buffer> freedEarly = new AtomicReference<>();
        Race.rounds(
                ACTORS,
                40,
                () -> current.set(create(mode)),
                (actor, round) -> {
                    Buffer b = current.get();
                    for (int i = 0; i < 250; i++) {
                        try (Ref<Buffer> r = i % 2 == 0 ? b.acquire() : b.tryAcquire()) {
                            if (r.get().freed) {
                                freedEarly.set(b);
                            }
                            Ref<Buffer> s = r.share();
                            s.get().read();
                            s.close();
                        }
                    }
                },
                () -> {
                    Buffer b = current.get();
                    assertNull(freedEarly.get(), "a reference saw a freed object");
                    assertEquals(1, b.refCount(), "only the creator's reference is left");
                    assertEquals(0, b.deallocations.get());
                    b.close();
                    assertEquals(1, b.deallocations.get());
                    assertEquals(0, b.refCount());
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = CheckMode.class,
            names = {"OFF", "TRACKED"})
    void tryAcquireRacingTheFinalReleaseNeverResurrects(CheckMode mode) throws Exception {
        RefGuard.setMode(mode);
        AtomicReference<Buffer> current = new AtomicReference<>();
        AtomicInteger heldFreed = new AtomicInteger();
        AtomicInteger lateSuccess = new AtomicInteger();
        Race.rounds(
                ACTORS,
                400,
                () -> current.set(create(mode)),
                (actor, round) -> {
                    Buffer b = current.get();
                    if (actor == 0) {
                        b.close(); // the creator's release races the others' acquires
                        return;
                    }
                    boolean sawDead = false;
                    for (int i = 0; i < 20; i++) {
                        Ref<Buffer> r = b.tryAcquire();
                        if (r == null) {
                            sawDead = true;
                            continue;
                        }
                        if (sawDead) {
                            lateSuccess
                                    .incrementAndGet(); // succeeded after the object was seen dead
                        }
                        if (r.get().freed) {
                            heldFreed.incrementAndGet();
                        }
                        r.close();
                    }
                },
                () -> {
                    Buffer b = current.get();
                    assertEquals(0, heldFreed.get(), "an acquired reference saw a freed object");
                    assertEquals(0, lateSuccess.get(), "a dead object was resurrected");
                    assertFalse(b.isAlive());
                    assertEquals(1, b.deallocations.get(), "deallocate must run exactly once");
                    for (int i = 0; i < 3; i++) {
                        assertNull(b.tryAcquire());
                    }
                    assertEquals(0, b.refCount());
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = CheckMode.class,
            names = {"OFF", "TRACKED"})
    void releasesFromManyThreadsFreeOnceAfterEveryAccess(CheckMode mode) throws Exception {
        RefGuard.setMode(mode);
        AtomicReference<Buffer> current = new AtomicReference<>();
        AtomicReference<Ref<?>[]> refs = new AtomicReference<>();
        Race.rounds(
                ACTORS,
                300,
                () -> {
                    Buffer b = new Buffer();
                    current.set(b);
                    assertEquals(mode == CheckMode.TRACKED, b.isTracked());
                    Ref<?>[] rs = new Ref<?>[ACTORS];
                    for (int i = 0; i < ACTORS; i++) {
                        rs[i] = b.acquire();
                    }
                    b.close();
                    refs.set(rs);
                },
                (actor, round) -> {
                    Buffer b = current.get();
                    b.slots[actor] = 1; // a plain write: only the release ordering publishes it
                    refs.get()[actor].close();
                },
                () -> {
                    assertEquals(1, current.get().deallocations.get());
                    assertEquals(
                            ACTORS,
                            current.get().slotSumAtFree,
                            "deallocate must see every holder's writes");
                });
    }

    @Test
    void racingClosesOfOneHandleReleaseOnceAndReportOnce() throws Exception {
        RefGuard.setMode(CheckMode.TRACKED);
        AtomicReference<Buffer> current = new AtomicReference<>();
        AtomicReference<Ref<Buffer>> handle = new AtomicReference<>();
        AtomicInteger doubles = new AtomicInteger();
        Race.rounds(
                2,
                500,
                () -> {
                    Buffer b = create(CheckMode.TRACKED);
                    current.set(b);
                    handle.set(b.acquire());
                },
                (actor, round) -> {
                    try {
                        handle.get().close();
                    } catch (DoubleReleaseException e) {
                        doubles.incrementAndGet();
                    }
                },
                () -> {
                    assertEquals(
                            1,
                            doubles.getAndSet(0),
                            "exactly one of two closes is the double release");
                    Buffer b = current.get();
                    assertEquals(1, b.refCount(), "the count dropped exactly once");
                    assertTrue(b.isAlive());
                    b.close();
                });
    }

    private static Buffer create(CheckMode mode) {
        Buffer b = new Buffer();
        assertEquals(mode == CheckMode.TRACKED, b.isTracked());
        return b;
    }
}
