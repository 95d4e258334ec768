package io.refguard.netty.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.refguard.AccessRecord;
import io.refguard.CheckMode;
import io.refguard.DeadObjectException;
import io.refguard.DoubleReleaseException;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import io.refguard.RefGuard;
import io.refguard.Report;
import io.refguard.Report.Role;
import io.refguard.Site;
import io.refguard.UseAfterReleaseException;
import io.refguard.netty.RefGuardNetty;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each report refguard-netty gives for a pooled {@link ByteBuf}, with no refguard call in the code
 * under test: the buffers come from Netty's {@link PooledByteBufAllocator}, refguard sees them
 * through Netty's leak-detection hooks (the detector is named by a system property in this module's
 * surefire configuration).
 */
class NettyReportsTest {

    private static final PooledByteBufAllocator POOL = PooledByteBufAllocator.DEFAULT;

    @BeforeAll
    static void installed() {
        RefGuardNetty.install(); // a no-op check here: the system property installed it already
        assertTrue(RefGuardNetty.isInstalled());
    }

    @AfterEach
    void defaults() {
        RefGuard.resetToDefaults();
    }

    @Test
    void aDoubleReleaseOfAPooledBufferNamesBothReleases() {
        try (LeakScope scope = LeakScope.open()) {
            ByteBuf buf = Lines.mark("allocated", POOL.heapBuffer(64));
            buf.writeInt(42);
            assertTrue(buf.release());
            Lines.mark("first", 0);
            var e = assertThrows(DoubleReleaseException.class, () -> buf.release());
            Report r = e.report();
            assertEquals(Report.Kind.DOUBLE_RELEASE, r.kind());
            assertEquals(Lines.of("first") - 1, line(r, Role.RELEASED), e.getMessage());
            assertEquals(Lines.of("first") + 1, line(r, Role.RELEASED_AGAIN), e.getMessage());
            assertEquals(Lines.of("allocated"), line(r, Role.ACQUIRED), e.getMessage());
            assertEquals("NettyReportsTest.java", r.site(Role.RELEASED_AGAIN).fileName());
            assertTrue(e.getMessage().contains("freed at"), e.getMessage());
        }
    }

    @Test
    void aUseAfterReleaseNamesTheRelease() {
        try (LeakScope scope = LeakScope.open()) {
            ByteBuf buf = POOL.heapBuffer(64);
            buf.writeLong(7);
            int released = Lines.next();
            buf.release();
            int used = Lines.next();
            var e = assertThrows(UseAfterReleaseException.class, () -> buf.getLong(0));
            assertEquals(released, line(e.report(), Role.FREED), e.getMessage());
            assertEquals(used, line(e.report(), Role.USED), e.getMessage());
        }
    }

    @Test
    void aRetainAfterReleaseIsAnAcquireOfADeadBuffer() {
        try (LeakScope scope = LeakScope.open()) {
            ByteBuf buf = POOL.heapBuffer(16);
            int released = Lines.next();
            buf.release();
            DeadObjectException e = assertThrows(DeadObjectException.class, () -> buf.retain());
            assertEquals(Report.Kind.ACQUIRE_DEAD, e.report().kind());
            assertEquals(released, line(e.report(), Role.FREED), e.getMessage());
        }
    }

    @Test
    void aBufferStillAliveWhenTheScopeClosesIsALeakNamingItsAllocation() {
        LeakScope scope = LeakScope.open();
        int allocated = Lines.next();
        ByteBuf buf = POOL.heapBuffer(16);
        buf.retain();
        buf.release();
        LeakException e = assertThrows(LeakException.class, scope::close);
        assertEquals(1, e.reports().size(), e.getMessage());
        assertEquals(allocated, line(e.reports().get(0), Role.ACQUIRED), e.getMessage());
        buf.release();
    }

    @Test
    void accessRecordsNameEachRetainTouchAndReleaseWithItsHint() {
        RefGuard.setRecords(true);
        RefGuard.setRecordsLast(8);
        LeakScope scope = LeakScope.open();
        ByteBuf buf = POOL.heapBuffer(16);
        int retained = Lines.next();
        buf.retain();
        int touched = Lines.next();
        buf.touch("handed to the decoder");
        buf.release();
        LeakException e = assertThrows(LeakException.class, scope::close);
        List<AccessRecord> records = e.reports().get(0).records();
        String events = records.stream().map(AccessRecord::event).collect(Collectors.joining(","));
        assertEquals("create,retain,touch,release", events, e.getMessage());
        assertEquals(retained, records.get(1).site().lineNumber());
        assertEquals(touched, records.get(2).site().lineNumber());
        assertEquals("handed to the decoder", records.get(2).hint());
        assertTrue(
                e.getMessage().contains("#3 touch \"handed to the decoder\" at NettyReportsTest"),
                e.getMessage());
        buf.release();
    }

    @Test
    void aDoubleReleaseReportListsEachReleaseCallOnce() {
        RefGuard.setRecords(true);
        RefGuard.setRecordsLast(8);
        try (LeakScope scope = LeakScope.open()) {
            ByteBuf buf = POOL.heapBuffer(16);
            buf.retain();
            buf.release();
            buf.release();
            var e = assertThrows(DoubleReleaseException.class, () -> buf.release());
            String events =
                    e.report().records().stream()
                            .map(AccessRecord::event)
                            .collect(Collectors.joining(","));
            assertEquals("create,retain,release,release", events, e.getMessage());
        }
    }

    @Test
    void aPresenceScopeCountsBuffersWithoutSitesAndSaysHowToGetThem() {
        LeakScope scope = LeakScope.open(CheckMode.PRESENCE);
        ByteBuf leaked = POOL.heapBuffer(16);
        ByteBuf freed = POOL.heapBuffer(16);
        freed.retain();
        freed.release();
        freed.release();
        LeakException e = assertThrows(LeakException.class, scope::close);
        Report r = e.reports().get(0);
        assertFalse(r.tracked());
        assertTrue(r.object().startsWith("1 object "), r.object());
        assertTrue(e.getMessage().contains("TRACKED"), e.getMessage());
        leaked.release();
    }

    @Test
    void aDoubleReleaseInAPresenceScopeIsStillCaughtBeforeNettyTouchesThePool() {
        try (LeakScope scope = LeakScope.open(CheckMode.PRESENCE)) {
            ByteBuf buf = POOL.heapBuffer(16);
            buf.release();
            var e = assertThrows(DoubleReleaseException.class, () -> buf.release());
            assertTrue(e.getMessage().contains("TRACKED"), e.getMessage());
        }
    }

    @Test
    void withCheckingOffNettyHandsOutItsPlainBuffer() {
        RefGuard.setMode(CheckMode.OFF);
        ByteBuf buf = POOL.heapBuffer(16);
        try {
            assertFalse(
                    buf.getClass().getSimpleName().contains("LeakAware"), buf.getClass().getName());
        } finally {
            buf.release();
        }
    }

    @Test
    void aTrackedBufferIsWrappedSoEveryCallReachesTheChecker() {
        try (LeakScope scope = LeakScope.open()) {
            ByteBuf buf = POOL.heapBuffer(16);
            assertTrue(
                    buf.getClass().getSimpleName().contains("LeakAware"), buf.getClass().getName());
            ByteBuf slice = buf.retainedSlice(0, 4);
            slice.release();
            buf.release();
        }
    }

    private static int line(Report r, Role role) {
        Site s = r.site(role);
        assertNotNull(s, () -> "no " + role + " site in\n" + r);
        return s.lineNumber();
    }

    /**
     * A pooled buffer released again on an event loop's thread: the exception ends the task there,
     * and the test's scope fails with it when it closes, naming both releases.
     */
    @Test
    void aDoubleReleaseOnAnEventLoopFailsTheTestsScope() throws Exception {
        LeakScope scope = LeakScope.open();
        ByteBuf buf = POOL.heapBuffer(64);
        buf.release();
        java.util.concurrent.ExecutorService loop =
                java.util.concurrent.Executors.newSingleThreadExecutor(
                        r -> new Thread(r, "event-loop"));
        try {
            java.util.concurrent.Future<?> task = loop.submit(() -> buf.release());
            assertThrows(java.util.concurrent.ExecutionException.class, task::get);
        } finally {
            loop.shutdown();
        }
        io.refguard.DoubleReleaseException e =
                assertThrows(io.refguard.DoubleReleaseException.class, scope::close);
        assertTrue(e.getMessage().contains("on thread event-loop"), e.getMessage());
        assertTrue(e.getMessage().contains("NettyReportsTest"), e.getMessage());
    }
}
