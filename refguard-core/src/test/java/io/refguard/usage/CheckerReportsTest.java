package io.refguard.usage;

import static io.refguard.usage.Lines.assertSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.DeadObjectException;
import io.refguard.DoubleReleaseException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.Report;
import io.refguard.Report.Role;
import io.refguard.UseAfterReleaseException;
import org.junit.jupiter.api.Test;

/**
 * Each kind of report, raised where the bug happens, naming this file's own lines as its sites.
 * Every test runs in a leak scope, which tracks the objects it creates and fails the test if a
 * reference stays open.
 */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class CheckerReportsTest {

    private static final String FILE = "CheckerReportsTest.java";

    @Test
    void doubleReleaseOfAHandleNamesBothReleasesAndTheAcquire() {
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            int acquired = Lines.next();
            Ref<Buffer> r = b.acquire();
            int first = Lines.next();
            r.close();
            int again = Lines.next();
            var e = assertThrows(DoubleReleaseException.class, () -> r.close());

            Report report = e.report();
            assertEquals(Report.Kind.DOUBLE_RELEASE, report.kind());
            assertTrue(report.tracked());
            assertSite(report, Role.RELEASED, FILE, first);
            assertSite(report, Role.RELEASED_AGAIN, FILE, again);
            assertSite(report, Role.ACQUIRED, FILE, acquired);
            assertEquals(report.toString(), e.getMessage());
            assertTrue(
                    e.getMessage().startsWith("refguard: double release of Buffer@"),
                    e.getMessage());
            assertEquals(1, b.refCount(), "the second close must not touch the count");
            assertEquals(0, b.deallocations.get());
        }
    }

    @Test
    void doubleCloseOfTheObjectItselfIsADoubleReleaseOfTheCreatorsReference() {
        try (LeakScope scope = LeakScope.open()) {
            int created = Lines.next();
            Buffer b = new Buffer();
            Ref<Buffer> other = b.acquire();
            int first = Lines.next();
            b.close();
            int again = Lines.next();
            var e = assertThrows(DoubleReleaseException.class, () -> b.close());

            assertSite(e.report(), Role.RELEASED, FILE, first);
            assertSite(e.report(), Role.RELEASED_AGAIN, FILE, again);
            assertSite(e.report(), Role.ACQUIRED, FILE, created);
            assertTrue(e.getMessage().contains("created at"), e.getMessage());
            assertTrue(b.isAlive(), "the other reference must keep the object alive");
            other.close();
            assertEquals(1, b.deallocations.get());
        }
    }

    @Test
    void getTouchAndShareThroughAClosedHandleAreUsesAfterRelease() {
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            int acquired = Lines.next();
            Ref<Buffer> r = b.acquire();
            int released = Lines.next();
            r.close();

            int used = Lines.next();
            var get = assertThrows(UseAfterReleaseException.class, () -> r.get());
            assertSite(get.report(), Role.USED, FILE, used);
            assertSite(get.report(), Role.RELEASED, FILE, released);
            assertSite(get.report(), Role.ACQUIRED, FILE, acquired);
            assertEquals(Report.Kind.USE_AFTER_RELEASE, get.report().kind());

            int touched = Lines.next();
            var touch = assertThrows(UseAfterReleaseException.class, () -> r.touch("x"));
            assertSite(touch.report(), Role.USED, FILE, touched);
            int shared = Lines.next();
            var share = assertThrows(UseAfterReleaseException.class, () -> r.share());
            assertSite(share.report(), Role.USED, FILE, shared);
            assertSite(share.report(), Role.RELEASED, FILE, released);
            assertEquals(1, b.refCount(), "a failed share must not acquire");
        }
    }

    @Test
    void methodCallOnAFreedTrackedObjectNamesWhereItWasFreed() {
        try (LeakScope scope = LeakScope.open()) {
            int created = Lines.next();
            Buffer b = new Buffer();
            int freed = Lines.next();
            b.close();

            int used = Lines.next();
            var e = assertThrows(UseAfterReleaseException.class, () -> b.read());
            assertSite(
                    e.report(),
                    Role.USED,
                    FILE,
                    used); // the caller of Buffer.read, not Buffer.read
            assertSite(e.report(), Role.FREED, FILE, freed);
            assertSite(e.report(), Role.ACQUIRED, FILE, created);
        }
    }

    @Test
    void acquireOfAFreedTrackedObjectNamesWhereItWasFreed() {
        try (LeakScope scope = LeakScope.open()) {
            Buffer b = new Buffer();
            int freed = Lines.next();
            b.close();
            int tried = Lines.next();
            var e = assertThrows(DeadObjectException.class, () -> b.acquire());

            assertEquals(Report.Kind.ACQUIRE_DEAD, e.report().kind());
            assertSite(e.report(), Role.USED, FILE, tried);
            assertSite(e.report(), Role.FREED, FILE, freed);
            assertNull(b.tryAcquire(), "get-unless-zero on a dead object");
            assertEquals(0, b.refCount());
            assertFalse(b.isAlive());
            assertEquals(1, b.deallocations.get());
        }
    }

    @Test
    void untrackedDeadObjectMisuseStillFailsAndSaysHowToGetSites() {
        try (LeakScope scope = LeakScope.open(CheckMode.OFF)) {
            Buffer b = new Buffer();
            assertFalse(b.isTracked());
            b.close();

            int released = Lines.next();
            var release = assertThrows(DeadObjectException.class, () -> b.close());
            assertEquals(Report.Kind.RELEASE_DEAD, release.report().kind());
            assertFalse(release.report().tracked());
            assertSite(release.report(), Role.USED, FILE, released);
            assertTrue(
                    release.getMessage().contains("-Drefguard.mode=TRACKED"), release.getMessage());
            assertTrue(release.getMessage().contains("(untracked)"), release.getMessage());

            int acquired = Lines.next();
            var acquire = assertThrows(DeadObjectException.class, () -> b.acquire());
            assertEquals(Report.Kind.ACQUIRE_DEAD, acquire.report().kind());
            assertSite(acquire.report(), Role.USED, FILE, acquired);
            assertNull(
                    acquire.report().site(Role.FREED),
                    "an untracked object does not know where it was freed");

            int used = Lines.next();
            var get = assertThrows(UseAfterReleaseException.class, () -> b.get());
            assertSite(get.report(), Role.USED, FILE, used);
            assertTrue(get.getMessage().contains("LeakScope"), get.getMessage());

            assertEquals(0, b.refCount());
            assertEquals(1, b.deallocations.get(), "a double release must not free twice");
        }
    }
}
