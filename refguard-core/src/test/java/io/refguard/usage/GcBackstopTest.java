package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.refguard.CheckMode;
import io.refguard.LeakListener;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.Report;
import io.refguard.Report.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GC backstop reports an open tracked reference once it is unreachable, at the program's next
 * tracked acquire. The test drops a handle, then collects and acquires until the listener hears of
 * it; the bound is generous (the collector enqueues a phantom-reachable handle on the first full
 * collection after it became unreachable) and the test fails, rather than passing, if the report
 * never comes.
 */
class GcBackstopTest {

    private static final int MAX_COLLECTIONS = 200;

    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    private final List<Report> seen = new ArrayList<>();
    private final LeakListener listener = reports::add;

    @BeforeEach
    void listen() {
        RefGuard.setMode(CheckMode.TRACKED);
        RefGuard.addLeakListener(listener);
    }

    @AfterEach
    void stop() {
        RefGuard.removeLeakListener(listener);
        RefGuard.resetToDefaults();
    }

    @Test
    void anUnreachableOpenHandleIsReported() throws InterruptedException {
        Buffer b = new Buffer();
        int line = leakAHandle(b);
        Report r = awaitLeakAt(line);
        assertNotNull(r, "the backstop never reported the dropped handle");
        assertEquals(Report.Kind.LEAK, r.kind());
        assertEquals("GcBackstopTest.java", r.site(Role.ACQUIRED).fileName());
        assertEquals(2, b.refCount(), "the backstop reports, it does not release");
        b.close();
    }

    @Test
    void anUnreachableObjectWhoseCreatorNeverClosedItIsReported() throws InterruptedException {
        int line = leakAnObject();
        Report r = awaitLeakAt(line);
        assertNotNull(r, "the backstop never reported the dropped object");
        assertEquals("created at", r.entries().get(0).label());
    }

    @Test
    void aClosedHandleThatBecomesUnreachableIsNotReported() throws InterruptedException {
        Buffer b = new Buffer();
        int closedLine = closeAHandle(b);
        int leakedLine = leakAHandle(b); // a later leak proves collections ran past the closed one
        assertNotNull(awaitLeakAt(leakedLine));
        for (Report r : seen) {
            assertNotEquals(closedLine, r.site(Role.ACQUIRED).lineNumber(), r.toString());
        }
        b.close();
    }

    @Test
    void aThrowingListenerDoesNotStopOthers() throws InterruptedException {
        LeakListener broken =
                r -> {
                    throw new IllegalStateException("listener failure, expected by the test");
                };
        RefGuard.removeLeakListener(listener);
        RefGuard.addLeakListener(broken); // called first
        RefGuard.addLeakListener(listener);
        try {
            Buffer b = new Buffer();
            assertNotNull(
                    awaitLeakAt(leakAHandle(b)),
                    "the listener after a throwing one was not called");
            b.close();
        } finally {
            RefGuard.removeLeakListener(broken);
        }
    }

    /**
     * Acquires a handle and drops it; returns the acquire line. Kept out of line so the handle dies
     * here.
     */
    private static int leakAHandle(Buffer b) {
        int line = Lines.next();
        Ref<Buffer> r = b.acquire();
        r.touch(null);
        return line;
    }

    private static int closeAHandle(Buffer b) {
        int line = Lines.next();
        Ref<Buffer> r = b.acquire();
        r.close();
        return line;
    }

    private static int leakAnObject() {
        int line = Lines.next();
        Buffer b = new Buffer();
        b.touch(null);
        return line;
    }

    /**
     * What the program does next: a tracked acquire, which reports the leaks collected since the
     * last one.
     */
    static void nextTrackedAcquire() {
        Buffer b = new Buffer();
        b.acquire().close();
        b.close();
    }

    private Report awaitLeakAt(int line) throws InterruptedException {
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(i < 10 ? 10 : 50); // the JVM enqueues what it collected on its own thread
            nextTrackedAcquire();
            Report r;
            while ((r = reports.poll()) != null) {
                Report found = r;
                seen.add(found);
                if (found.site(Role.ACQUIRED) != null
                        && found.site(Role.ACQUIRED).lineNumber() == line
                        && "GcBackstopTest.java".equals(found.site(Role.ACQUIRED).fileName())) {
                    return found;
                }
            }
        }
        return null;
    }
}
