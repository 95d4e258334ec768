package io.refguard.usage;

import static io.refguard.usage.Lines.assertSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.DoubleReleaseException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.Report.Role;
import io.refguard.Site;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JVM-wide modes and how a leak scope overrides them. */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class ModesTest {

    @AfterEach
    void restoreSettings() {
        RefGuard.resetToDefaults();
    }

    @Test
    void defaultsAreSampledOneIn128WithoutRecords() {
        assertEquals(CheckMode.SAMPLED, RefGuard.mode());
        assertEquals(128, RefGuard.sampleInterval());
        assertFalse(RefGuard.records());
        assertEquals(4, RefGuard.recordsLast());
    }

    @Test
    void offAllocatesNoHandle() {
        RefGuard.setMode(CheckMode.OFF);
        Buffer b = new Buffer();
        assertFalse(b.isTracked());
        Ref<Buffer> acquired = b.acquire();
        Ref<Buffer> shared = acquired.share();
        Ref<Buffer> tried = b.tryAcquire();
        assertSame(b, acquired, "acquire returns the object itself");
        assertSame(b, shared);
        assertSame(b, tried);
        assertSame(b, acquired.touch("hint"));
        assertEquals(4, b.refCount());
        acquired.close();
        shared.close();
        tried.close();
        b.close();
        assertEquals(1, b.deallocations.get());
    }

    @Test
    void trackedGivesEveryAcquireItsOwnHandle() {
        RefGuard.setMode(CheckMode.TRACKED);
        Buffer b = new Buffer();
        assertTrue(b.isTracked());
        Ref<Buffer> r1 = b.acquire();
        Ref<Buffer> r2 = r1.share();
        assertNotSame(b, r1);
        assertNotSame(r1, r2);
        assertSame(b, r1.get());
        assertSame(b, r2.get());
        assertEquals(3, b.refCount());
        r1.close();
        assertFalse(r1.isOpen());
        assertTrue(r2.isOpen());
        r2.close();
        b.close();
        assertFalse(b.isOpen());
        assertEquals(1, b.deallocations.get());
    }

    @Test
    void sampledTracksAboutOneInN() {
        RefGuard.setMode(CheckMode.SAMPLED);
        RefGuard.setSampleInterval(16);
        int objects =
                32_000; // expect 2000 tracked; the bounds below are about nine standard deviations
        // wide
        int tracked = 0;
        List<Buffer> all = new ArrayList<>(objects);
        for (int i = 0; i < objects; i++) {
            Buffer b = new Buffer();
            all.add(b);
            if (b.isTracked()) {
                tracked++;
            }
        }
        for (Buffer b : all) {
            b.close();
        }
        assertTrue(
                tracked > 1600 && tracked < 2400,
                "tracked " + tracked + " of " + objects + " with interval 16");
    }

    @Test
    void sampleIntervalOneTracksEverything() {
        RefGuard.setSampleInterval(1);
        for (int i = 0; i < 100; i++) {
            try (Buffer b = new Buffer()) {
                assertTrue(b.isTracked());
            }
        }
    }

    @Test
    void aScopeOverridesTheJvmWideMode() {
        RefGuard.setMode(CheckMode.OFF);
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            assertTrue(b.isTracked());
        }
        RefGuard.setMode(CheckMode.TRACKED);
        try (LeakScope scope = LeakScope.open(CheckMode.OFF);
                Buffer b = new Buffer()) {
            assertFalse(b.isTracked());
        }
    }

    @Test
    void badApiValuesAreRejectedWithTheRange() {
        IllegalArgumentException interval =
                assertThrows(IllegalArgumentException.class, () -> RefGuard.setSampleInterval(0));
        assertTrue(interval.getMessage().contains("at least 1"), interval.getMessage());
        IllegalArgumentException last =
                assertThrows(IllegalArgumentException.class, () -> RefGuard.setRecordsLast(-1));
        assertTrue(last.getMessage().contains("from 0 to 1024"), last.getMessage());
        assertEquals(128, RefGuard.sampleInterval(), "a rejected value changes nothing");
    }

    /**
     * A sampled object names where it was created and acquired, what a leak report needs, but not
     * where its references were closed: walking the stack there would double what sampling costs.
     * The report says so and how to see them.
     */
    @Test
    void aSampledObjectLeavesItsClosesUnrecordedAndSaysHowToSeeThem() {
        RefGuard.setMode(CheckMode.SAMPLED);
        RefGuard.setSampleInterval(1);
        Buffer b = new Buffer();
        assertTrue(b.isTracked());
        int acquired = Lines.next();
        Ref<Buffer> r = b.acquire();
        r.close();
        int again = Lines.next();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, () -> r.close());

        Site first = e.report().site(Role.RELEASED);
        assertEquals(Thread.currentThread().getName(), first.threadName());
        assertTrue(
                e.getMessage()
                        .contains(
                                "first released at  (a site SAMPLED mode does not record) on thread "
                                        + first.threadName()),
                e.getMessage());
        assertTrue(e.getMessage().contains("run the same code in TRACKED mode"), e.getMessage());
        assertSite(e.report(), Role.RELEASED_AGAIN, "ModesTest.java", again);
        assertSite(e.report(), Role.ACQUIRED, "ModesTest.java", acquired);
        b.close();
    }

    @Test
    void aTrackedObjectRecordsItsCloses() {
        RefGuard.setMode(CheckMode.TRACKED);
        Buffer b = new Buffer();
        Ref<Buffer> r = b.acquire();
        int closed = Lines.next();
        r.close();
        DoubleReleaseException e = assertThrows(DoubleReleaseException.class, () -> r.close());
        assertSite(e.report(), Role.RELEASED, "ModesTest.java", closed);
        assertFalse(e.getMessage().contains("SAMPLED"), e.getMessage());
        b.close();
    }
}
