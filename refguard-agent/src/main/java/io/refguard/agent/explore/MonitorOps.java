package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;

/**
 * Monitors ({@code synchronized}, {@code wait}, {@code notify}) on the runtime's lock, keyed by the
 * monitor's {@link LockModel}: the runtime keeps the owner, the hold count and the wait set. A
 * {@code wait} is the runtime's {@link Coordinator#await(Object, Object, long, boolean,
 * java.util.function.BooleanSupplier, String) await}, which an interrupt also ends; a {@code
 * notify} wakes the longest waiter.
 */
final class MonitorOps {

    private MonitorOps() {}

    static void enter(ExploringInterceptor x, ThreadModel me, Object monitor, int site) {
        RunModel run = x.run();
        run.ops++;
        LockModel m = run.key(monitor, site);
        if (!Coordinator.reenter(m)) {
            Coordinator.lock(m);
        }
    }

    /** Gives one hold of the runtime's lock for {@code m} back. */
    static void release(LockModel m) {
        try {
            Coordinator.unlock(m);
        } catch (Error e) {
            // the run ended while this thread was inside a synchronized region: unwinding goes on
            // at its next scheduling point; a monitor exit itself must not throw (see
            // SyncInterceptor)
            if (!Coordinator.isAbort(e)) {
                throw e;
            }
        }
    }

    /**
     * Waits, in the model, until no other thread holds {@code m}: takes it and lets it go at once,
     * so that a deadlock report names the thread waited for. For a JDK call that would take the
     * lock {@code m} stands for around an atomic step. Nothing when it is free or the caller's.
     */
    static void awaitFree(LockModel m) {
        if (Coordinator.isLocked(m) && Coordinator.holdCount(m) == 0) {
            Coordinator.take(m);
            release(m);
        }
    }

    static void exit(ExploringInterceptor x, ThreadModel me, Object monitor) {
        LockModel m = x.run().existingKey(monitor);
        if (m == null || Coordinator.holdCount(m) == 0) {
            // only when the run ended inside wait(), which had released the monitor: the exit of
            // the enclosing block runs while unwinding. It must not throw: javac's handler for a
            // synchronized block covers its own monitor exit and would repeat it forever.
            return;
        }
        release(m);
    }

    /** {@code monitor.wait}; {@code nanos} is the timeout, 0 for none. */
    static void await(ExploringInterceptor x, ThreadModel me, Object monitor, long nanos)
            throws InterruptedException {
        RunModel run = x.run();
        LockModel m = owned(run, me, monitor, "wait");
        ThreadOps.throwIfInterrupted(me);
        run.ops++;
        int before = SafetyNets.beforeWait();
        boolean notified =
                Coordinator.await(
                        m,
                        m,
                        nanos > 0 ? nanos : -1L,
                        run.early(RunModel.Timeout.BOUND, nanos > 0, nanos),
                        true,
                        m.waitLabel("wait on"));
        if (!notified) {
            ThreadOps.throwIfInterrupted(me);
            SafetyNets.timedOutUnseen(run, me, "wait", before);
        }
    }

    static void notify(ExploringInterceptor x, ThreadModel me, Object monitor, boolean all) {
        RunModel run = x.run();
        LockModel m = owned(run, me, monitor, all ? "notifyAll" : "notify");
        run.ops++;
        Coordinator.signal(m, m, all, all ? "notifyAll" : "notify");
    }

    private static LockModel owned(RunModel run, ThreadModel me, Object monitor, String op) {
        LockModel m = run.existingKey(monitor);
        if (m == null || Coordinator.holdCount(m) == 0) {
            // the call throws, and is a step, so the report shows it
            Coordinator.point(m != null ? m : run.key(monitor, -1), Access.UPDATE, op);
            throw new IllegalMonitorStateException(
                    me.name
                            + " calls "
                            + op
                            + "() on "
                            + (m == null ? "an object" : m.name)
                            + " without holding its monitor:"
                            + " call it inside synchronized on the same object");
        }
        return m;
    }
}
