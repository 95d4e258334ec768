package io.refguard.explore.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The JVM-wide pool of idle {@link Worker}s. Explorations lease workers when they start (and when a
 * run spawns more threads than any run before), and give them back when they end, so the number of
 * threads stays flat however many runs and explorations execute. Idle workers exit after {@link
 * #KEEP_ALIVE_NANOS}.
 *
 * <p>Locking is per lease, never per scheduling point.
 */
final class WorkerPool {

    /** How long an idle worker waits for a new lease before it exits. */
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final ArrayDeque<Worker> IDLE = new ArrayDeque<>();
    private static int created;

    private WorkerPool() {}

    /** Leases a worker and makes it serve {@code slot}. */
    static Worker lease(Actor slot) {
        Worker w;
        synchronized (IDLE) {
            w = IDLE.pollFirst();
            if (w == null) {
                w = new Worker(++created);
                w.assigned = slot;
                w.start();
                return w;
            }
        }
        w.assign(slot);
        return w;
    }

    /** Returns an idle worker to the pool. */
    static void release(Worker w) {
        synchronized (IDLE) {
            IDLE.addFirst(w);
        }
    }

    /**
     * Called by a worker whose keep-alive expired: removes it unless a lease has just taken it.
     *
     * @return true if the worker may exit
     */
    static boolean retire(Worker w) {
        synchronized (IDLE) {
            if (w.assigned != null) {
                return false;
            }
            return IDLE.remove(w);
        }
    }

    /** The number of idle workers; for tests of thread reuse. */
    static int idleCount() {
        synchronized (IDLE) {
            return IDLE.size();
        }
    }
}
