package programs.libs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** A session hands out buffers of its allocator to workers and, on shutdown, waits until every
 *  lease is given back before closing the allocator. The wait tests the count outside the monitor:
 *  the last give-back can notify between the test and wait(), and shutdown sleeps forever. */
public class ArrowDrainCloseBug {
    static final class Session {
        final BufferAllocator alloc;
        final AtomicInteger leases = new AtomicInteger();
        final Object idle = new Object();
        Session(BufferAllocator alloc) { this.alloc = alloc; }

        ArrowBuf lease(int size) {
            leases.incrementAndGet();
            return alloc.buffer(size);
        }

        void giveBack(ArrowBuf b) {
            b.close();
            if (leases.decrementAndGet() == 0) {
                synchronized (idle) { idle.notifyAll(); }
            }
        }

        void closeWhenIdle() throws InterruptedException {
            if (leases.get() > 0) {                      // BUG: tested outside the monitor, and once
                synchronized (idle) { idle.wait(); }
            }
            alloc.close();
        }
    }

    public static void main(String[] args) throws Exception {
        try (RootAllocator root = new RootAllocator(1 << 20)) {
            Session s = new Session(root.newChildAllocator("session", 0, 1 << 16));
            Thread[] workers = new Thread[2];
            for (int i = 0; i < workers.length; i++) {
                ArrowBuf b = s.lease(32);
                int v = i + 1;
                workers[i] = new Thread(() -> { b.setInt(0, v); s.giveBack(b); }, "worker-" + i);
                workers[i].start();
            }
            s.closeWhenIdle();
            for (Thread w : workers) w.join();
            if (root.getAllocatedMemory() != 0) throw new AssertionError("leaked " + root.getAllocatedMemory());
        }
    }
}
