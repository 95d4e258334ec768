package io.refguard.usage;

import static io.refguard.usage.Lines.assertSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.DoubleReleaseException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.Report.Role;
import io.refguard.Site;
import io.refguard.hook.CallSites;
import org.junit.jupiter.api.Test;

/**
 * Sites supplied by instrumentation replace the stack walk while an instrumented call runs, and
 * only then. This module's test JVM sets {@code refguard.callSites=true}, as the agent does.
 */
@SuppressWarnings("try")
class CallSitesTest {

    private static final int SUPPLIED_ID = 4242;

    static {
        CallSites.installResolver(
                id ->
                        id == SUPPLIED_ID
                                ? new StackTraceElement("com.acme.Pool", "recycle", "Pool.java", 88)
                                : null);
    }

    @Test
    void theTestJvmSuppliesCallSites() {
        assertTrue(
                CallSites.SUPPLIED, "run with -Drefguard.callSites=true (see this module's pom)");
    }

    @Test
    void aSuppliedSiteNamesTheInstrumentedCallInsteadOfWalkingTheStack() {
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            int acquired = Lines.next();
            Ref<Buffer> r = b.acquire();
            CallSites.Slot slot = CallSites.enter(SUPPLIED_ID);
            r.close();
            CallSites.exit(slot);
            int again = Lines.next();
            var e = assertThrows(DoubleReleaseException.class, () -> r.close());

            Site first = e.report().site(Role.RELEASED);
            assertEquals("com.acme.Pool", first.className());
            assertEquals("Pool.java:88", first.location());
            assertTrue(
                    e.getMessage().contains("Pool.recycle(Pool.java:88) on thread "),
                    e.getMessage());
            // outside the instrumented call the stack is walked again: the real lines
            assertSite(e.report(), Role.RELEASED_AGAIN, "CallSitesTest.java", again);
            assertSite(e.report(), Role.ACQUIRED, "CallSitesTest.java", acquired);
        }
    }

    @Test
    void anUnknownIdFallsBackToTheStack() {
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            Ref<Buffer> r = b.acquire();
            CallSites.Slot slot = CallSites.enter(7); // not in the resolver's table
            int first = Lines.next();
            r.close();
            CallSites.exit(slot);
            DoubleReleaseException e = assertThrows(DoubleReleaseException.class, () -> r.close());
            assertSite(e.report(), Role.RELEASED, "CallSitesTest.java", first);
        }
    }

    /**
     * A thread that passes the same instrumented call again gets the site it built there before,
     * but only while it has the same name; another thread gets a site of its own.
     */
    @Test
    void aReusedSiteNamesTheThreadThatPassedTheCall() throws Exception {
        Thread me = Thread.currentThread();
        String name = me.getName();
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            Ref<Buffer> first = b.acquire();
            Ref<Buffer> second = b.acquire();
            Ref<Buffer> third = b.acquire();
            Ref<Buffer> fourth = b.acquire();
            closeAtTheSuppliedSite(first);
            closeAtTheSuppliedSite(second);
            me.setName("renamed-for-the-test");
            closeAtTheSuppliedSite(third);
            Thread other = new Thread(() -> closeAtTheSuppliedSite(fourth), "the-other-thread");
            other.start();
            other.join();

            assertEquals(name, releasedThread(first));
            assertEquals(name, releasedThread(second));
            assertEquals("renamed-for-the-test", releasedThread(third));
            assertEquals("the-other-thread", releasedThread(fourth));
            assertEquals(
                    "Pool.java:88",
                    assertThrows(DoubleReleaseException.class, fourth::close)
                            .report()
                            .site(Role.RELEASED)
                            .location());
        } finally {
            me.setName(name);
        }
    }

    private static void closeAtTheSuppliedSite(Ref<Buffer> r) {
        CallSites.Slot slot = CallSites.enter(SUPPLIED_ID);
        r.close();
        CallSites.exit(slot);
    }

    private static String releasedThread(Ref<Buffer> r) {
        return assertThrows(DoubleReleaseException.class, r::close)
                .report()
                .site(Role.RELEASED)
                .threadName();
    }
}
