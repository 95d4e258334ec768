package io.refguard.agent.explore;

import io.refguard.agent.bridge.AwaitOp;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The conditions of a {@code ReentrantReadWriteLock}'s write lock, whose lock the model keeps in
 * its real state ({@link LockOps}): {@code await} lets go of the real lock (every hold), waits in
 * the model until a signal picks the thread, an interrupt or its timeout, then takes the lock again
 * as any waiter for it does; {@code signal} and {@code signalAll} pick the longest waiters. The
 * JDK's own {@code await} would park where the explorer cannot see it.
 *
 * <p>Which lock a condition belongs to is not public: the condition is the write lock's that the
 * caller holds, when it holds exactly one and a real {@code signal()} on the condition does not
 * throw {@code IllegalMonitorStateException} (no thread ever waits on the real condition, so that
 * signal wakes nobody).
 */
final class RealLockConditions {

    private RealLockConditions() {}

    /** The write lock {@code condition} belongs to, held by the caller; null when not known. */
    static ReentrantReadWriteLock.WriteLock owner(RunModel run, Condition condition) {
        List<ReentrantReadWriteLock.WriteLock> held = run.writeLocksHeld();
        if (held.size() != 1) {
            return null;
        }
        return LockOps.heldForReal(condition) ? held.get(0) : null;
    }

    static long await(
            ExploringInterceptor x,
            ThreadModel me,
            ReentrantReadWriteLock.WriteLock w,
            Condition condition,
            AwaitOp op,
            long time,
            TimeUnit unit,
            Date deadline,
            int site)
            throws InterruptedException {
        RunModel run = x.run();
        boolean interruptible = op != AwaitOp.AWAIT_UNINTERRUPTIBLY;
        if (interruptible) {
            ThreadOps.throwIfInterrupted(me);
        }
        boolean timed = LockOps.isTimed(op);
        long nanos = timed ? LockOps.awaitNanos(x, op, time, unit, deadline, site) : 0L;
        LockModel c = run.key(condition, site);
        int holds = w.getHoldCount();
        for (int i = 0; i < holds; i++) {
            w.unlock();
        }
        run.unlocks++; // threads waiting for the lock may try it again
        boolean signalled = waitForSignal(run, me, condition, c, interruptible, timed, nanos);
        retake(run, me, w, holds, c.waitLabel("lock"));
        if (interruptible && !signalled) {
            ThreadOps.throwIfInterrupted(me);
        }
        return LockOps.awaitResult(op, time, signalled);
    }

    /**
     * Waits in {@code condition}'s wait set of the model (its key {@code c}) until a {@link
     * #signal} picks the caller, or, when {@code interruptible}, an interrupt, or, when {@code
     * timed}, the timeout ({@code nanos}); returns whether a signal picked it.
     */
    static boolean waitForSignal(
            RunModel run,
            ThreadModel me,
            Object condition,
            LockModel c,
            boolean interruptible,
            boolean timed,
            long nanos) {
        run.ops++;
        ArrayDeque<ThreadModel> waiters =
                run.realConditionWaiters.computeIfAbsent(condition, any -> new ArrayDeque<>());
        me.signalled = false;
        waiters.addLast(me);
        try {
            run.block(
                    () -> me.signalled || (interruptible && me.interrupted()),
                    timed,
                    Math.max(0L, nanos),
                    c,
                    c.waitLabel("await"));
        } finally {
            waiters.remove(me);
        }
        boolean signalled = me.signalled;
        me.signalled = false;
        return signalled;
    }

    /** Takes {@code w} again {@code holds} times, waiting in the model while another holds it. */
    private static void retake(
            RunModel run,
            ThreadModel me,
            ReentrantReadWriteLock.WriteLock w,
            int holds,
            String label) {
        while (!w.tryLock()) {
            long seen = run.unlocks;
            run.block(() -> run.unlocks != seen, false, 0L, null, label);
        }
        for (int i = 1; i < holds; i++) {
            w.lock(); // reentrant: the caller holds it
        }
    }

    /** {@code signal} ({@code all} false) or {@code signalAll} by a holder of the lock. */
    static void signal(ExploringInterceptor x, Condition condition, boolean all, int site) {
        RunModel run = x.run();
        LockModel c = run.key(condition, site);
        run.ops++;
        Coordinator.point(c, Access.UPDATE, all ? "signalAll" : "signal");
        ArrayDeque<ThreadModel> waiters = run.realConditionWaiters.get(condition);
        if (waiters == null) {
            return;
        }
        do {
            ThreadModel t = waiters.pollFirst();
            if (t == null) {
                return;
            }
            t.signalled = true;
        } while (all);
    }
}
