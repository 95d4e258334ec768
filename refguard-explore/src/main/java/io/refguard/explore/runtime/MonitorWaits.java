package io.refguard.explore.runtime;

import io.refguard.hook.Access;

/**
 * The runtime's locks as monitors and {@code java.util.concurrent} locks use them: hold queries, a
 * reentrant acquisition that is no scheduling point, and the wait of a monitor or a condition with
 * a timeout on the virtual clock ({@link Waits}) that an interrupt may also end ({@link
 * ThreadStatus}).
 *
 * <p>The lock and the wait set are the runtime's ({@link ModelLock}), the same tables {@link
 * Primitives} keeps for the explicit API: one owner, one hold count and one wait set per object,
 * whichever way a program reaches them. Every method runs on the baton holder.
 */
final class MonitorWaits {

    private MonitorWaits() {}

    /** How many times {@code me} holds the lock keyed by {@code key}; 0 when it does not. */
    static int holdCount(Actor me, Object key) {
        ModelLock l = me.exec.run.locks().get(key);
        return l != null && l.owner == me ? l.holds : 0;
    }

    /** Whether any thread holds the lock keyed by {@code key}. */
    static boolean isLocked(Execution x, Object key) {
        ModelLock l = x.run.locks().get(key);
        return l != null && l.owner != null;
    }

    /** How many threads wait on {@code condition}'s wait set, not yet signalled nor timed out. */
    static int waiters(Execution x, Object condition) {
        ModelLock.WaitSet ws = x.run.waitSets().get(condition);
        return ws == null ? 0 : ws.waiters.size();
    }

    /**
     * How many threads are blocked taking the lock keyed by {@code key}: in {@code lock}, in a wait
     * whose target is the lock ({@code lockInterruptibly}, a timed {@code tryLock}), or signalled
     * and taking it back after {@code await}.
     */
    static int lockWaiters(Execution x, Object key) {
        int n = 0;
        for (int i = 0; i < x.run.threadCount; i++) {
            if (waitsFor(x.slots[i], key)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether {@code a} is blocked taking lock {@code key}, or signalled and taking it back after
     * an await: one of the threads {@link #lockWaiters} counts.
     */
    static boolean waitsFor(Actor a, Object key) {
        if (!a.live() || a.state != Actor.State.BLOCKED) {
            return false;
        }
        return switch (a.block) {
            case LOCK -> a.lock != null && a.lock.key == key;
            case WAIT -> a.notified && a.lock != null && a.lock.key == key;
            case UNTIL -> a.pendingTarget == key;
            default -> false;
        };
    }

    /**
     * Counts one more hold when {@code me} holds the lock already and returns true; else false.
     * Taking a lock one holds cannot block nor change what others see, so it is no scheduling
     * point.
     */
    static boolean reenter(Actor me, Object key) {
        ModelLock l = me.exec.run.locks().get(key);
        if (l == null || l.owner != me) {
            return false;
        }
        l.holds++;
        return true;
    }

    /**
     * Waits in {@code condition}'s wait set: releases the lock keyed by {@code lockKey} fully (the
     * caller holds it), blocks until signalled, interrupted when {@code interruptible}, or the
     * timeout expires (a timeout of 0 has already expired: only a scheduling point), then takes the
     * lock again, a scheduling point of its own, with the same hold count. Returns whether a signal
     * ended the wait.
     */
    static boolean await(
            Actor me,
            Object lockKey,
            Object condition,
            long timeoutNanos,
            boolean early,
            boolean interruptible,
            String label) {
        Execution x = me.exec;
        ModelLock l = x.run.locks().get(lockKey);
        int saved = l.holds;
        Primitives.released(me, lockKey);
        l.owner = null;
        l.holds = 0;
        x.released(l);
        me.notified = false;
        if (timeoutNanos == 0) {
            x.point(me, null, Access.UPDATE, label); // already timed out
        } else {
            ModelLock.WaitSet ws = Primitives.waitSetFor(x, condition);
            ws.waiters.addLast(me);
            try {
                Waits.block(
                        me,
                        () -> me.notified || interruptible && me.interrupted,
                        timeoutNanos,
                        early,
                        // an untimed wait's step reads what a signal on the condition writes (or an
                        // interrupt: its end is no other step); a timed one may time out whenever
                        // the others cannot progress, which depends on every thread
                        timeoutNanos < 0 ? condition : null,
                        label);
            } finally {
                ws.waiters.remove(me);
            }
        }
        // taking the lock back ends the wait, timed out or not: blocking for it is not a wait for
        // another thread's work after giving up (SafetyNets)
        boolean waited = me.waitedSinceEarlyTimeout;
        Primitives.lock(me, lockKey);
        me.waitedSinceEarlyTimeout = waited;
        l.holds = saved;
        boolean signalled = me.notified;
        me.notified = false;
        return signalled;
    }
}
