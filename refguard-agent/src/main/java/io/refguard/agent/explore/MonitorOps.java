package io.refguard.agent.explore;

import io.refguard.explore.runtime.Coordinator;
import io.refguard.hook.Access;

/**
 * Monitors ({@code synchronized}, {@code wait}, {@code notify}) on the runtime's lock. The
 * runtime's lock for a monitor's {@link LockModel} is held once by its owner; recursion and the
 * wait set are the model's. A {@code wait} releases the runtime's lock, blocks in {@link
 * Waits#block} until notified (or interrupted, or timed out) and takes the lock again with the same
 * recursion count; a {@code notify} wakes the longest waiter, as the runtime's own monitors do.
 */
final class MonitorOps {

    private MonitorOps() {}

    static void enter(ExploringInterceptor x, ThreadModel me, Object monitor, int site) {
        RunModel run = x.run();
        run.ops++;
        LockModel m = run.key(monitor, site);
        if (m.owner == me) {
            m.holds++;
            return;
        }
        acquire(me, m);
        m.holds = 1;
    }

    /** Takes the runtime's lock for {@code m}, blocking as it decides; sets the owner. */
    static void acquire(ThreadModel me, LockModel m) {
        me.acquiring = m;
        try {
            Coordinator.lock(m);
        } finally {
            me.acquiring = null;
        }
        m.owner = me;
    }

    /** Gives the runtime's lock for {@code m} back; the caller has cleared owner and holds. */
    static void release(LockModel m) {
        try {
            Coordinator.unlock(m);
        } catch (Error e) {
            // the run ended while this thread was inside a synchronized region: unwinding goes on
            // at its next scheduling point; a monitor exit itself must not throw (see
            // SyncInterceptor)
            if (!Waits.isAbort(e)) {
                throw e;
            }
        }
    }

    static void exit(ExploringInterceptor x, ThreadModel me, Object monitor) {
        LockModel m = x.run().existingKey(monitor);
        if (m == null || m.owner != me) {
            // only when the run ended inside wait(), which had released the monitor: the exit of
            // the enclosing block runs while unwinding. It must not throw: javac's handler for a
            // synchronized block covers its own monitor exit and would repeat it forever.
            return;
        }
        if (--m.holds == 0) {
            m.owner = null;
            release(m);
        }
    }

    /** {@code monitor.wait}; {@code nanos} is the timeout, 0 for none. */
    static void await(ExploringInterceptor x, ThreadModel me, Object monitor, long nanos)
            throws InterruptedException {
        boolean timed = nanos > 0;
        RunModel run = x.run();
        LockModel m = owned(run, me, monitor, "wait");
        ThreadOps.throwIfInterrupted(me);
        run.ops++;
        int saved = m.holds;
        m.owner = null;
        m.holds = 0;
        release(m);
        me.notified = false;
        m.waiters.addLast(me);
        try {
            Waits.block(
                    run,
                    me,
                    () -> me.notified || me.interrupted,
                    timed,
                    nanos,
                    null,
                    m.waitLabel("wait on"));
        } finally {
            m.waiters.remove(me);
        }
        acquire(me, m);
        m.holds = saved;
        boolean notified = me.notified;
        me.notified = false;
        if (!notified) {
            ThreadOps.throwIfInterrupted(me);
        }
    }

    static void notify(ExploringInterceptor x, ThreadModel me, Object monitor, boolean all) {
        RunModel run = x.run();
        LockModel m = owned(run, me, monitor, all ? "notifyAll" : "notify");
        run.ops++;
        Coordinator.point(m, Access.UPDATE, all ? "notifyAll" : "notify");
        m.wake(all);
    }

    private static LockModel owned(RunModel run, ThreadModel me, Object monitor, String op) {
        LockModel m = run.existingKey(monitor);
        if (m == null || m.owner != me) {
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
