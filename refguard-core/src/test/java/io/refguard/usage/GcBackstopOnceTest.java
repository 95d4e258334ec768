package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.LeakException;
import io.refguard.LeakListener;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.Report;
import io.refguard.Report.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GC backstop reports each leak once: one log line per acquire site however many references
 * leak there, and never a reference that its leak scope reported (nor the reverse). Progress of the
 * cleaner is proven by a control leak outside any scope, whose report must arrive; the tests fail,
 * rather than pass, if it never does.
 */
class GcBackstopOnceTest {

    private static final int MAX_COLLECTIONS = 200;
    private static final String FILE = "GcBackstopOnceTest.java";

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final List<Report> seen = new ArrayList<>();
    private final LeakListener listener = reports::add;
    private final List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Handler handler =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    logged.add(record.getMessage());
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

    @BeforeEach
    void listen() {
        RefGuard.setMode(CheckMode.TRACKED);
        RefGuard.addLeakListener(listener);
        Logger.getLogger("io.refguard").addHandler(handler);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("io.refguard").removeHandler(handler);
        RefGuard.removeLeakListener(listener);
        RefGuard.resetToDefaults();
    }

    @Test
    void manyLeaksFromOneSiteAreLoggedOnceAndAllHeardByListeners() throws InterruptedException {
        Buffer b = new Buffer();
        int line = 0;
        for (int i = 0; i < 50; i++) {
            line = leakFromOneSite(b);
        }
        int site = line;
        for (int heard = 0; heard < 50; heard++) {
            Report r = awaitLeakAt(site);
            assertTrue(r != null, "the backstop reported " + heard + " of the 50 leaks");
        }
        long lines = logged.stream().filter(m -> m.contains("(" + FILE + ":" + site + ")")).count();
        assertEquals(1, lines, () -> "log lines naming the site: " + logged);
        assertTrue(
                logged.stream().anyMatch(m -> m.contains("counted, not logged")), logged::toString);
        b.close();
    }

    @Test
    void aReferenceLeakedInAnOpenScopeIsReportedByTheScopeAloneEvenAfterItWasCollected()
            throws InterruptedException {
        Buffer b = new Buffer();
        LeakScope scope = LeakScope.openDetached(CheckMode.TRACKED, "the test");
        int inScope;
        try (LeakScope.Binding bound = scope.bind()) {
            inScope = 0;
            for (int i = 0; i < 20; i++) {
                inScope = leakInScope(b);
            }
        }
        assertTrue(awaitLeakAt(leakControl(b)) != null, "the control leak was never reported");
        LeakException e = assertThrows(LeakException.class, scope::close);
        assertEquals(20, e.reports().size(), e.getMessage());
        assertTrue(
                awaitLeakAt(leakControl(b)) != null, "the second control leak was never reported");
        for (Report r : seen) {
            assertTrue(
                    r.site(Role.ACQUIRED).lineNumber() != inScope, () -> "reported twice:\n" + r);
        }
        b.close();
    }

    @Test
    void aReferenceItsScopeReportedIsNotReportedAgainWhenCollected() throws InterruptedException {
        Buffer b = new Buffer();
        LeakScope scope = LeakScope.openDetached(CheckMode.TRACKED, "the test");
        List<Ref<Buffer>> held = new ArrayList<>();
        int line;
        try (LeakScope.Binding bound = scope.bind()) {
            line = Lines.next();
            held.add(b.acquire());
        }
        assertThrows(LeakException.class, scope::close);
        held.clear();
        assertTrue(awaitLeakAt(leakControl(b)) != null, "the control leak was never reported");
        for (Report r : seen) {
            assertTrue(r.site(Role.ACQUIRED).lineNumber() != line, () -> "reported twice:\n" + r);
        }
        b.close();
    }

    private static int leakFromOneSite(Buffer b) {
        int line = Lines.next();
        Ref<Buffer> r = b.acquire();
        r.touch(null);
        return line;
    }

    private static int leakInScope(Buffer b) {
        int line = Lines.next();
        Ref<Buffer> r = b.acquire();
        r.touch(null);
        return line;
    }

    private static int leakControl(Buffer b) {
        int line = Lines.next();
        Ref<Buffer> r = b.acquire();
        r.touch(null);
        return line;
    }

    private Report awaitLeakAt(int line) throws InterruptedException {
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            GcBackstopTest.nextTrackedAcquire();
            Report r;
            while ((r = reports.poll()) != null) {
                seen.add(r);
                if (r.site(Role.ACQUIRED) != null
                        && r.site(Role.ACQUIRED).lineNumber() == line
                        && FILE.equals(r.site(Role.ACQUIRED).fileName())) {
                    return r;
                }
            }
            System.gc();
            Thread.sleep(i < 10 ? 10 : 50); // the JVM enqueues what it collected on its own thread
        }
        return null;
    }
}
