package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.Report;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** PRESENCE scopes count objects without tracking them, each scope its own count. */
class PresenceModeTest {

    @Test
    void anObjectCreatedInAPresenceScopeIsCountedNotTracked() {
        LeakScope scope = LeakScope.open(CheckMode.PRESENCE);
        Buffer b = new Buffer();
        assertFalse(b.isTracked());
        Ref<Buffer> r = b.acquire();
        assertSame(b, r, "an untracked object is its own handle");
        r.close();
        LeakException e = assertThrows(LeakException.class, scope::close);
        Report only = e.reports().get(0);
        assertEquals(1, e.reports().size(), e.getMessage());
        assertFalse(only.tracked());
        assertEquals("1 object constructed in the scope and never freed", only.object());
        assertTrue(e.getMessage().contains("TRACKED"), e.getMessage());
        b.close();
    }

    @Test
    void aScopeWhoseObjectsWereAllFreedClosesQuietly() {
        LeakScope scope = LeakScope.open(CheckMode.PRESENCE);
        for (int i = 0; i < 100; i++) {
            Buffer b = new Buffer();
            b.acquire().close();
            b.close();
        }
        assertDoesNotThrow(scope::close);
    }

    @Test
    void parallelScopesKeepTheirOwnCountsWhereverTheirObjectsAreFreed() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads =
                Executors.newFixedThreadPool(2); // two threads, whatever the core count
        Buffer[] handedOver = new Buffer[1];
        CompletableFuture<Throwable> leaking =
                CompletableFuture.supplyAsync(
                        () -> {
                            LeakScope scope = LeakScope.open(CheckMode.PRESENCE);
                            Buffer kept = new Buffer(); // never freed: this scope's leak
                            handedOver[0] =
                                    new Buffer(); // freed by the other thread, in the other scope
                            await(together);
                            await(together);
                            try {
                                scope.close();
                                return null;
                            } catch (LeakException e) {
                                kept.close();
                                return e;
                            }
                        },
                        threads);
        CompletableFuture<Throwable> clean =
                CompletableFuture.supplyAsync(
                        () -> {
                            LeakScope scope = LeakScope.open(CheckMode.PRESENCE);
                            new Buffer().close();
                            await(together);
                            handedOver[0].close(); // counts against the scope that created it
                            await(together);
                            try {
                                scope.close();
                                return null;
                            } catch (LeakException e) {
                                return e;
                            }
                        },
                        threads);
        Throwable leak = leaking.get(20, TimeUnit.SECONDS);
        assertTrue(leak instanceof LeakException, String.valueOf(leak));
        assertTrue(
                ((LeakException) leak).reports().get(0).object().startsWith("1 object "),
                leak.getMessage());
        assertEquals(null, clean.get(20, TimeUnit.SECONDS));
        threads.shutdown();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
