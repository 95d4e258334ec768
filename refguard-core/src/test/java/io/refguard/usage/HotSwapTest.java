package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.swap.HotSwap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The single-snapshot hot-swap manager, alone and under racing swaps. */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class HotSwapTest {

    @AfterEach
    void restoreSettings() {
        RefGuard.resetToDefaults();
    }

    @Test
    void theOldSnapshotLivesUntilItsLastReaderCloses() {
        try (LeakScope scope = LeakScope.open()) {
            Buffer first = new Buffer();
            HotSwap<Buffer> swap = new HotSwap<>(first);
            Ref<Buffer> reader = swap.acquire();
            assertSame(first, reader.get());

            Buffer second = new Buffer();
            swap.swap(second);
            assertTrue(first.isAlive(), "a reader still holds the old snapshot");
            assertEquals(1, first.refCount());
            try (Ref<Buffer> r = swap.acquire()) {
                assertSame(second, r.get());
            }
            reader.close();
            assertEquals(1, first.deallocations.get());

            swap.close();
            swap.close(); // idempotent
            assertTrue(swap.isClosed());
            assertEquals(1, second.deallocations.get());
            assertThrows(IllegalStateException.class, () -> swap.acquire());
        }
    }

    @Test
    void swapAfterCloseClosesTheNewSnapshot() {
        try (LeakScope scope = LeakScope.open()) {
            HotSwap<Buffer> swap = new HotSwap<>(new Buffer());
            swap.close();
            Buffer late = new Buffer();
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> swap.swap(late));
            assertTrue(e.getMessage().contains("closed HotSwap"), e.getMessage());
            assertEquals(1, late.deallocations.get());
        }
    }

    @Test
    void aPublishedSnapshotFreedBehindTheManagersBackIsReportedNotLooped() {
        RefGuard.setMode(CheckMode.OFF); // untracked: the stray close reaches the count
        Buffer b = new Buffer();
        HotSwap<Buffer> swap = new HotSwap<>(b);
        b.close(); // closes the reference the manager owns
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> swap.acquire());
        assertTrue(e.getMessage().contains("dead while still published"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = CheckMode.class,
            names = {"OFF", "TRACKED"})
    void readersRacingSwapsNeverSeeAFreedSnapshot(CheckMode mode) throws Exception {
        RefGuard.setMode(mode);
        List<Buffer> created = new CopyOnWriteArrayList<>();
        AtomicReference<HotSwap<Buffer>> manager = new AtomicReference<>();
        AtomicInteger sawFreed = new AtomicInteger();
        Race.rounds(
                4,
                30,
                () -> {
                    Buffer b = new Buffer();
                    created.add(b);
                    manager.set(new HotSwap<>(b));
                },
                (actor, round) -> {
                    HotSwap<Buffer> swap = manager.get();
                    if (actor == 0) {
                        for (int i = 0; i < 50; i++) {
                            Buffer next = new Buffer();
                            created.add(next);
                            swap.swap(next);
                        }
                        return;
                    }
                    for (int i = 0; i < 300; i++) {
                        try (Ref<Buffer> r = swap.acquire()) {
                            if (r.get().freed) {
                                sawFreed.incrementAndGet();
                            }
                            r.get().read();
                        }
                    }
                },
                () -> {
                    assertEquals(0, sawFreed.get(), "a reader got a freed snapshot");
                    manager.get().close();
                    for (Buffer b : created) {
                        assertFalse(b.isAlive());
                        assertEquals(
                                1, b.deallocations.get(), "each snapshot is freed exactly once");
                    }
                    created.clear();
                });
    }
}
