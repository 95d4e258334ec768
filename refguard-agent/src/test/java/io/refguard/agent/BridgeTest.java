package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.PassThroughInterceptor;
import io.refguard.agent.bridge.SyncBridge;
import io.refguard.agent.bridge.ThreadBridge;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The bridge's own contract: installation, sites, and what it says when misused. */
class BridgeTest {

    @Test
    void onlyOneInterceptorAtATime() {
        PassThroughInterceptor first = new PassThroughInterceptor();
        PassThroughInterceptor second = new PassThroughInterceptor();
        SyncBridge.install(first);
        try {
            SyncBridge.install(first); // idempotent for the same interceptor
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> SyncBridge.install(second));
            assertTrue(e.getMessage().contains("one after the other"), e.getMessage());
            SyncBridge.uninstall(second); // not installed: no effect
            assertSame(first, SyncBridge.installed());
        } finally {
            SyncBridge.uninstall(first);
        }
        assertNull(SyncBridge.installed());
    }

    @Test
    void sitesAreDenseAndPrintLikeStackFrames() {
        int a =
                Instructions.register(
                        "com.acme.Pool", "take", "Pool.java", 42, "ReentrantLock.lock()");
        int b = Instructions.register("com.acme.Pool", "put", null, -1, "monitor enter");
        assertEquals(a + 1, b);
        Instruction site = Instructions.get(a);
        assertEquals("com.acme.Pool.take(Pool.java:42)", site.location());
        assertEquals("ReentrantLock.lock() at com.acme.Pool.take(Pool.java:42)", site.toString());
        assertEquals("com.acme.Pool.put(Unknown Source)", Instructions.get(b).location());
        assertTrue(Instructions.count() > b);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Instructions.get(-1));
        assertTrue(e.getMessage().contains("no instrumented site has id -1"), e.getMessage());
    }

    @Test
    void modeledMonitorWithoutInterceptorSaysWhatWentWrong() {
        int site = Instructions.register("com.acme.Pool", "take", "Pool.java", 7, "monitor enter");
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> SyncBridge.monitorEnter(new Object(), site));
        assertTrue(e.getMessage().contains("uninstalled while a managed thread"), e.getMessage());
        assertTrue(e.getMessage().contains("Pool.java:7"), e.getMessage());
    }

    @Test
    void threadFactoriesPassThroughUnlessManaged() {
        int site =
                Instructions.register("com.acme.Pool", "<init>", "Pool.java", 9, "Executors.x()");
        ThreadFactory given = Thread::new;
        assertSame(given, ThreadBridge.threadFactory(given, site));
        assertNull(ThreadBridge.threadFactory(null, site), "a null factory must still fail");
        assertNotNull(ThreadBridge.defaultThreadFactory(site));
        PassThroughInterceptor broken =
                new PassThroughInterceptor() {
                    @Override
                    public ThreadFactory threadFactory(ThreadFactory base, int s) {
                        return null;
                    }
                };
        SyncBridge.install(broken);
        try {
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () -> ThreadBridge.defaultThreadFactory(site));
            assertTrue(e.getMessage().contains("bug in the interceptor"), e.getMessage());
        } finally {
            SyncBridge.uninstall(broken);
        }
    }

    @Test
    void emulatedMonitorsRejectWaitAndExitWithoutOwnership() {
        PassThroughInterceptor p = new PassThroughInterceptor();
        Object o = new Object();
        assertThrows(IllegalMonitorStateException.class, () -> p.monitorWait(o, 0L, 0));
        assertThrows(IllegalMonitorStateException.class, () -> p.monitorExit(o, 0));
        p.monitorEnter(o, 0);
        p.monitorEnter(o, 0);
        assertTrue(p.holdsMonitor(o, 0));
        p.monitorExit(o, 0);
        assertTrue(p.holdsMonitor(o, 0), "reentrant: one hold left");
        p.monitorExit(o, 0);
        assertEquals(false, p.holdsMonitor(o, 0));
    }
}
