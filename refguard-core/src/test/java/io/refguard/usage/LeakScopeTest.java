package io.refguard.usage;

import static io.refguard.usage.Lines.assertSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.AccessRecord;
import io.refguard.CheckMode;
import io.refguard.DoubleReleaseException;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.Report;
import io.refguard.Report.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leak scopes: what they list, whom they blame, and how they follow work onto other threads. */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class LeakScopeTest {

    private static final String FILE = "LeakScopeTest.java";

    @AfterEach
    void restoreSettings() {
        RefGuard.resetToDefaults();
    }

    @Test
    void closeListsEveryOpenReferenceWithItsAcquireSite() {
        LeakScope scope = LeakScope.open();
        int created = Lines.next();
        Buffer b = new Buffer();
        int acquired = Lines.next();
        Ref<Buffer> leaked = b.acquire();
        b.acquire().close();

        LeakException e = assertThrows(LeakException.class, () -> scope.close());
        assertEquals(2, e.reports().size(), e.getMessage());
        assertSite(e.reports().get(0), Role.ACQUIRED, FILE, created);
        assertSite(e.reports().get(1), Role.ACQUIRED, FILE, acquired);
        for (Report r : e.reports()) {
            assertEquals(Report.Kind.LEAK, r.kind());
        }
        assertTrue(e.getMessage().contains("2 open references"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("scope opened at LeakScopeTest.closeListsEveryOpenReference"),
                e.getMessage());
        assertTrue(scope.isClosed());
        assertNull(LeakScope.current(), "close unbinds the opening thread");
        leaked.close();
        b.close();
        assertEquals(1, b.deallocations.get());
    }

    @Test
    void accessRecordsShowTheFirstAndTheLastFew() {
        RefGuard.setRecords(true);
        RefGuard.setRecordsLast(2);
        LeakScope scope = LeakScope.open();
        int created = Lines.next();
        Buffer b = new Buffer();
        Ref<Buffer> r = b.acquire();
        for (int i = 1; i <= 5; i++) {
            r.touch("step " + i);
        }
        int last = Lines.next();
        r.touch("last");

        LeakException e = assertThrows(LeakException.class, () -> scope.close());
        Report leak = e.reports().get(1);
        List<AccessRecord> records = leak.records();
        // create, acquire, 5 touches, last touch: 8 records; kept: the first and the last two
        assertEquals(8, leak.recordCount(), leak.toString());
        assertEquals(3, records.size(), leak.toString());
        assertEquals("create", records.get(0).event());
        assertEquals(created, records.get(0).site().lineNumber());
        assertEquals("step 5", records.get(1).hint());
        assertEquals("last", records.get(2).hint());
        assertEquals(last, records.get(2).site().lineNumber());
        assertEquals(8, records.get(2).index());
        assertTrue(
                leak.toString()
                        .contains(
                                "#8 touch \"last\" at LeakScopeTest.accessRecordsShowTheFirstAndTheLastFew("
                                        + FILE
                                        + ":"
                                        + last
                                        + ")"),
                leak.toString());
        r.close();
        b.close();
    }

    @Test
    void parallelScopesOnDifferentThreadsDoNotBlameEachOther() throws Exception {
        int threads = 4;
        CyclicBarrier together = new CyclicBarrier(threads);
        RefGuard.setMode(CheckMode.TRACKED); // a tracked object owned by no scope
        List<Buffer> shared = List.of(new Buffer());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LeakException>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean leaks = t % 2 == 0;
                results.add(
                        pool.submit(
                                () -> {
                                    LeakScope scope = LeakScope.open();
                                    Buffer mine = new Buffer();
                                    Ref<Buffer> s = shared.get(0).acquire();
                                    together.await(); // every scope is open and holds references at
                                    // once
                                    s.close();
                                    if (!leaks) {
                                        mine.close();
                                    }
                                    together.await();
                                    try {
                                        scope.close();
                                        return null;
                                    } catch (LeakException e) {
                                        mine.close();
                                        return e;
                                    }
                                }));
            }
            for (int t = 0; t < threads; t++) {
                LeakException e = results.get(t).get();
                if (t % 2 == 0) {
                    assertEquals(1, e.reports().size(), e.getMessage());
                    assertTrue(e.getMessage().contains("created at"), e.getMessage());
                } else {
                    assertNull(e, () -> "a clean thread was blamed:\n" + e.getMessage());
                }
            }
        } finally {
            pool.shutdown();
        }
        shared.get(0).close();
    }

    @Test
    void wrapCarriesTheScopeIntoExecutorTasks() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        RefGuard.setMode(CheckMode.TRACKED); // a tracked object owned by no scope
        try (Buffer shared = new Buffer()) {
            LeakScope scope = LeakScope.open();
            AtomicReference<Ref<Buffer>> leaked = new AtomicReference<>();
            AtomicReference<Integer> line = new AtomicReference<>();
            pool.submit(
                            scope.wrap(
                                    () -> {
                                        line.set(Lines.next());
                                        leaked.set(shared.acquire());
                                    }))
                    .get();
            Buffer fromTask = pool.submit(scope.wrap(() -> new Buffer())).get();
            assertTrue(
                    fromTask.isTracked(),
                    "objects created in a wrapped task take the scope's mode");
            fromTask.close();

            LeakException e = assertThrows(LeakException.class, () -> scope.close());
            assertEquals(1, e.reports().size(), e.getMessage());
            Report r = e.reports().get(0);
            assertEquals(line.get(), r.site(Role.ACQUIRED).lineNumber(), r.toString());
            assertFalse(
                    r.site(Role.ACQUIRED).threadName().equals(Thread.currentThread().getName()));
            leaked.get().close();
            assertNull(
                    pool.submit(() -> LeakScope.current()).get(),
                    "the task's binding ends with the task");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void bindingsNestAndRestore() {
        try (LeakScope a = LeakScope.open()) {
            LeakScope b = LeakScope.openDetached(CheckMode.OFF);
            try (LeakScope.Binding bound = b.bind()) {
                assertSame(b, LeakScope.current());
                assertFalse(new Buffer().isTracked(), "the inner scope's mode applies");
            }
            assertSame(a, LeakScope.current());
            b.close();
            assertThrows(
                    IllegalStateException.class, () -> b.bind(), "a closed scope cannot be bound");
            assertThrows(IllegalStateException.class, () -> b.wrap(() -> {}).run());
        }
        assertNull(LeakScope.current());
    }

    @Test
    void closingABoundScopeOnAnotherThreadIsRefused() throws Exception {
        LeakScope scope = LeakScope.open();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other =
                new Thread(
                        () -> {
                            try {
                                scope.close();
                            } catch (Throwable t) {
                                failure.set(t);
                            }
                        });
        other.start();
        other.join();
        assertTrue(failure.get() instanceof IllegalStateException, String.valueOf(failure.get()));
        assertTrue(failure.get().getMessage().contains("on the thread that opened it"));
        assertFalse(scope.isClosed());
        scope.close();
    }

    @Test
    void onlyReferencesAcquiredByBoundThreadsBelongToTheScope() {
        RefGuard.setMode(CheckMode.TRACKED); // a tracked object owned by no scope
        try (Buffer b = new Buffer()) {
            LeakScope detached = LeakScope.openDetached(CheckMode.TRACKED);
            Ref<Buffer> unbound = b.acquire();
            Ref<Buffer> bound;
            int acquired;
            try (LeakScope.Binding x = detached.bind()) {
                acquired = Lines.next();
                bound = b.acquire();
            }
            assertEquals(1, detached.openReferences().size());
            LeakException e = assertThrows(LeakException.class, () -> detached.close());
            assertEquals(1, e.reports().size(), e.getMessage());
            assertSite(e.reports().get(0), Role.ACQUIRED, FILE, acquired);
            unbound.close();
            bound.close();
        }
    }

    /**
     * A double release on a thread the scope is not bound to (an event loop, a pool) throws there,
     * where nobody may look; the scope's close fails with it too, so the test that owns the object
     * fails. One thrown on the scope's own thread is the test's already and is not raised again.
     */
    @Test
    void aCheckerErrorOnAThreadOutsideTheScopeFailsTheScopesClose() throws Exception {
        LeakScope scope = LeakScope.open(CheckMode.TRACKED);
        Buffer b = new Buffer();
        Ref<Buffer> r = b.acquire();
        r.close();
        Throwable[] onLoop = new Throwable[1];
        Thread loop =
                new Thread(
                        () -> {
                            try {
                                r.close(); // the second close, on another thread
                            } catch (RuntimeException e) {
                                onLoop[0] = e;
                            }
                        },
                        "event-loop");
        loop.start();
        loop.join();
        assertInstanceOf(DoubleReleaseException.class, onLoop[0]);
        b.close();
        DoubleReleaseException atClose = assertThrows(DoubleReleaseException.class, scope::close);
        assertSame(onLoop[0], atClose);
        assertTrue(atClose.getMessage().contains("on thread event-loop"), atClose.getMessage());

        try (LeakScope own = LeakScope.open(CheckMode.TRACKED)) {
            Buffer c = new Buffer();
            Ref<Buffer> h = c.acquire();
            h.close();
            assertThrows(DoubleReleaseException.class, h::close); // the test's own thread
            c.close();
        } // closes without raising it again
    }
}
