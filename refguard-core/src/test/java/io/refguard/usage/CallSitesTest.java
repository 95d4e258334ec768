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
            CallSites.enter(SUPPLIED_ID);
            r.close();
            CallSites.exit();
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
            CallSites.enter(7); // not in the resolver's table
            int first = Lines.next();
            r.close();
            CallSites.exit();
            DoubleReleaseException e = assertThrows(DoubleReleaseException.class, () -> r.close());
            assertSite(e.report(), Role.RELEASED, "CallSitesTest.java", first);
        }
    }
}
