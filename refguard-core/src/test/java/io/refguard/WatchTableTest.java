package io.refguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GC backstop's watch list: every open tracked reference is in it, every closed one leaves it
 * (whichever thread closes it), its slots are reused rather than grown, and a leak in any chunk is
 * reported.
 */
class WatchTableTest {

    /** A tracked object of its own class, so leak reports can be told apart from other tests'. */
    static final class Page extends RefCounted<Page> {
        @Override
        protected void deallocate() {}
    }

    @BeforeEach
    void tracked() {
        RefGuard.setMode(CheckMode.TRACKED);
    }

    @AfterEach
    void reset() {
        RefGuard.resetToDefaults();
    }

    @Test
    void openReferencesAreWatchedUntilClosedOnAnyThread() throws InterruptedException {
        Page page = new Page();
        int before = WatchTable.watched();
        List<Ref<Page>> refs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            refs.add(page.acquire());
        }
        assertTrue(
                WatchTable.watched() >= before + 1_000,
                "1,000 open references, but only " + (WatchTable.watched() - before) + " watched");
        // half closed here, half on another thread
        for (Ref<Page> r : refs.subList(0, 500)) {
            r.close();
        }
        Thread other = new Thread(() -> refs.subList(500, 1_000).forEach(Ref::close));
        other.start();
        other.join();
        assertEquals(before, WatchTable.watched(), "closed references are still watched");
        page.close();
    }

    @Test
    void slotsAreReusedNotGrown() {
        Page page = new Page();
        try (Ref<Page> warm = page.acquire()) {
            warm.get();
        }
        int capacity = WatchTable.capacity();
        for (int i = 0; i < 100_000; i++) {
            try (Ref<Page> r = page.acquire()) {
                r.get();
            }
        }
        assertEquals(capacity, WatchTable.capacity(), "the table grew under open-close churn");
        page.close();
    }

    @Test
    void leaksInEveryChunkAreReported() throws InterruptedException {
        Set<Report> heard = ConcurrentHashMap.newKeySet();
        LeakListener listener =
                r -> {
                    if (r.object().startsWith("Page@")) {
                        heard.add(r);
                    }
                };
        RefGuard.addLeakListener(listener);
        try {
            Page page = new Page();
            List<Ref<Page>> kept = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                page.acquire(); // leaked at once
                kept.add(page.acquire()); // kept open, so the leaked ones spread over chunks
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (heard.size() < 300 && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(10);
                WatchTable.reportCollected();
            }
            assertEquals(300, heard.size(), "leaked references reported by the backstop");
            kept.forEach(Ref::close);
            page.close();
        } finally {
            RefGuard.removeLeakListener(listener);
        }
    }

    /**
     * The backstop has no thread of its own (a thread waiting for the collector for good is one no
     * controlled scheduler can end): leaks are reported on the thread whose tracked acquire comes
     * next, and a listener that acquires a tracked reference itself is not re-entered.
     */
    @Test
    void leaksAreReportedOnTheNextAcquiringThreadAndAListenerMayAcquire() throws Exception {
        Page page = new Page();
        List<Thread> reporters = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] depth = {0};
        int[] deepest = {0};
        LeakListener listener =
                r -> {
                    if (!r.object().startsWith("Page@")) {
                        return;
                    }
                    reporters.add(Thread.currentThread());
                    deepest[0] = Math.max(deepest[0], ++depth[0]);
                    page.acquire().close(); // watches a new reference from inside the report
                    depth[0]--;
                };
        RefGuard.addLeakListener(listener);
        try {
            for (int i = 0; i < 50; i++) {
                page.acquire(); // leaked at once
            }
            Thread acquirer =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 3_000 && reporters.size() < 50; i++) {
                                    System.gc();
                                    try {
                                        Thread.sleep(10);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                    page.acquire().close();
                                }
                            },
                            "next-acquirer");
            acquirer.start();
            acquirer.join();
            assertEquals(50, reporters.size(), "leaks reported at the next tracked acquires");
            assertTrue(
                    reporters.stream().allMatch(t -> t == acquirer),
                    "reported on " + new java.util.HashSet<>(reporters) + ", not on next-acquirer");
            assertEquals(1, deepest[0], "a listener's own acquire reported leaks from inside it");
            page.close();
        } finally {
            RefGuard.removeLeakListener(listener);
        }
    }

    /** A leak scope's close reports what the collector found, even with no acquire after it. */
    @Test
    void aScopeCloseReportsCollectedLeaks() throws Exception {
        Set<Report> heard = ConcurrentHashMap.newKeySet();
        LeakListener listener =
                r -> {
                    if (r.object().startsWith("Page@")) {
                        heard.add(r);
                    }
                };
        RefGuard.addLeakListener(listener);
        try {
            Page page = new Page();
            page.acquire(); // leaked outside any scope
            for (int i = 0; i < 300 && heard.isEmpty(); i++) {
                System.gc();
                Thread.sleep(10);
                LeakScope.open().close(); // an empty scope, closed without a leak of its own
            }
            assertEquals(1, heard.size(), "the leak collected before the scope closed");
            page.close();
        } finally {
            RefGuard.removeLeakListener(listener);
        }
    }
}
