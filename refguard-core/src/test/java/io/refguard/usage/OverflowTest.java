package io.refguard.usage;

import static io.refguard.usage.Lines.assertSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.LeakScope;
import io.refguard.RefCountOverflowException;
import io.refguard.RefCounted;
import io.refguard.Report;
import io.refguard.Report.Role;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Overflow of a live count is rejected and undone. Reaching the maximum by acquiring would take a
 * billion acquires, so these tests set the raw count field directly: raw = 2 × count.
 */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class OverflowTest {

    private static final String FILE = "OverflowTest.java";
    private static final int MAX = Integer.MAX_VALUE >>> 1; // 2^30 - 1
    private static final VarHandle RAW;

    static {
        try {
            RAW =
                    MethodHandles.privateLookupIn(RefCounted.class, MethodHandles.lookup())
                            .findVarHandle(RefCounted.class, "raw", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void acquireAtTheMaximumIsRejectedAndTheCountKept() {
        try (LeakScope scope = LeakScope.open()) {
            int created = Lines.next();
            Buffer b = new Buffer();
            RAW.setVolatile(b, 2 * MAX);
            assertEquals(MAX, b.refCount());

            int tried = Lines.next();
            var e = assertThrows(RefCountOverflowException.class, () -> b.acquire());
            assertEquals(Report.Kind.OVERFLOW, e.report().kind());
            assertSite(e.report(), Role.USED, FILE, tried);
            assertSite(e.report(), Role.ACQUIRED, FILE, created);
            assertTrue(e.getMessage().contains("(" + MAX + ")"), e.getMessage());
            assertEquals(MAX, b.refCount(), "the overflowing add must be undone");
            assertThrows(RefCountOverflowException.class, () -> b.tryAcquire());
            assertEquals(MAX, b.refCount());

            RAW.setVolatile(b, 2); // back to the creator's reference alone
            b.close();
            assertEquals(1, b.deallocations.get());
        }
    }

    @Test
    void racingAcquiresNearTheMaximumNeverCorruptTheCount() throws Exception {
        int threads = 4;
        int perThread = 200;
        int room = 150; // fewer than threads * perThread: most attempts must fail
        for (int round = 0; round < 20; round++) {
            try (LeakScope scope = LeakScope.open(CheckMode.OFF)) {
                Buffer b = new Buffer();
                RAW.setVolatile(b, 2 * (MAX - room));
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger rejected = new AtomicInteger();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Thread w =
                            new Thread(
                                    () -> {
                                        await(start);
                                        for (int i = 0; i < perThread; i++) {
                                            try {
                                                b.acquire();
                                                ok.incrementAndGet();
                                            } catch (RefCountOverflowException e) {
                                                rejected.incrementAndGet();
                                            }
                                        }
                                    });
                    workers.add(w);
                    w.start();
                }
                for (Thread w : workers) {
                    w.join();
                }
                assertEquals(room, ok.get(), "exactly the room left is granted");
                assertEquals(threads * perThread - room, rejected.get());
                assertEquals(MAX, b.refCount(), "no add is left behind");
                assertTrue(b.isAlive());
                RAW.setVolatile(b, 2);
                b.close();
            }
        }
    }

    static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
