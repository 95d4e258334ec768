package io.refguard.explore.runtime;

import io.refguard.explore.ActorHandle;
import io.refguard.hook.Access;
import java.util.function.BooleanSupplier;

/**
 * The runtime models of the blocking primitives, for managed threads only: a reentrant lock and a
 * monitor wait set keyed by object identity, thread start and join, and the generic "block until"
 * on which instrumented code builds semaphores, latches or read-write locks. The same locks and
 * wait sets serve the agent's monitors ({@link MonitorWaits}); timed waits are in {@link Waits},
 * interrupts and park permits in {@link ThreadStatus}.
 *
 * <p>Each operation is one scheduling point (before it) followed by a state change made while the
 * caller holds the baton; a thread that cannot go on is blocked and becomes enabled again only when
 * the runtime, evaluating its condition with every thread paused, finds it holds. So when a blocked
 * thread is resumed its condition is true and nobody has run since the check. Unlock only changes
 * state: a switch right after it is equivalent to one at the caller's next point, since no shared
 * access happens in between.
 */
final class Primitives {

    static final String LOCK = "lock";
    static final String TRY_LOCK = "tryLock";
    static final String AWAIT = "await";
    static final String SIGNAL = "signal";
    static final String SIGNAL_ALL = "signalAll";
    static final String SPAWN = "spawn";
    static final String JOIN = "join";

    private Primitives() {}

    static ModelLock lockFor(Execution x, Object key) {
        ModelLock l = x.run.locks().get(key);
        if (l == null) {
            l = new ModelLock(key);
            x.run.locks().put(key, l);
        }
        return l;
    }

    static void lock(Actor me, Object key) {
        me.exec.point(me, key, Access.UPDATE, LOCK);
        take(me, key);
    }

    /**
     * Takes the lock keyed by {@code key} at {@code me}'s current step, which the caller made: the
     * step of a call that acts on an object and holds a lock while it runs.
     */
    static void take(Actor me, Object key) {
        Execution x = me.exec;
        ModelLock l = lockFor(x, key);
        if (l.owner == me) {
            l.holds++;
            return;
        }
        while (l.owner != null) {
            me.lock = l;
            x.block(me, Actor.Block.LOCK);
        }
        me.lock = null;
        l.owner = me;
        l.holds = 1;
        took(me, key);
    }

    static boolean tryLock(Actor me, Object key) {
        Execution x = me.exec;
        x.point(me, key, Access.UPDATE, TRY_LOCK);
        ModelLock l = lockFor(x, key);
        if (l.owner == me) {
            l.holds++;
            return true;
        }
        if (l.owner != null) {
            return false;
        }
        l.owner = me;
        l.holds = 1;
        took(me, key);
        return true;
    }

    /**
     * {@code me} took the free lock keyed by {@code key} at its lock step. For fair scheduling the
     * step reads the lock: taking a lock and letting it go leaves it as it was, so a loop that
     * polls under a lock is a spin loop, not progress.
     */
    private static void took(Actor me, Object key) {
        me.exec.run.fairness.updateFailed(me);
        acquired(me, key);
    }

    /** {@code me} took the lock keyed by {@code key}: it acquires what the last holder released. */
    static void acquired(Actor me, Object key) {
        HappensBefore order = me.exec.run.order;
        if (order != null) {
            order.acquire(me, key);
        }
    }

    /** {@code me} let go of the lock keyed by {@code key}, or of anything keyed so. */
    static void released(Actor me, Object key) {
        me.exec.events++; // another thread may take it before me's next access
        HappensBefore order = me.exec.run.order;
        if (order != null) {
            order.release(me, key);
        }
    }

    /**
     * {@code me} waited until a condition held, which any thread's release may have made true: it
     * acquires them, up to the step that made it hold ({@link HappensBefore#woke}).
     */
    static void woke(Actor me) {
        HappensBefore order = me.exec.run.order;
        if (order != null) {
            order.woke(me);
        }
    }

    static void unlock(Actor me, Object key) {
        Execution x = me.exec;
        if (x.run.aborting) {
            throw AbortSignal.INSTANCE;
        }
        ModelLock l = x.run.locks().get(key);
        if (l == null || l.owner != me) {
            throw new IllegalMonitorStateException(
                    me.name
                            + " unlocks "
                            + x.run.namer().name(key)
                            + " but does not hold it: unlock only what this thread locked, once per lock");
        }
        released(me, key);
        if (--l.holds == 0) {
            l.owner = null;
            x.released(l);
        }
    }

    static void await(Actor me, Object lockKey, Object condition) {
        Execution x = me.exec;
        x.point(me, condition, Access.UPDATE, AWAIT);
        ModelLock l = held(me, lockKey, "await");
        int saved = l.holds;
        released(me, lockKey);
        l.owner = null;
        l.holds = 0;
        x.released(l);
        waitSetFor(x, condition).waiters.addLast(me);
        me.notified = false;
        me.lock = l;
        do {
            x.block(me, Actor.Block.WAIT);
        } while (!me.notified || l.owner != null);
        me.notified = false;
        me.lock = null;
        l.owner = me;
        l.holds = saved;
        acquired(me, lockKey);
    }

    static void signal(Actor me, Object lockKey, Object condition, boolean all) {
        signal(me, lockKey, condition, all, all ? SIGNAL_ALL : SIGNAL);
    }

    /** Wakes the longest waiter on {@code condition}, or all; {@code label} names the step. */
    static void signal(Actor me, Object lockKey, Object condition, boolean all, String label) {
        Execution x = me.exec;
        x.point(me, condition, Access.UPDATE, label);
        held(me, lockKey, all ? "signalAll" : "signal");
        ModelLock.WaitSet ws = x.run.waitSets().get(condition);
        if (ws == null) {
            return;
        }
        do {
            Actor w = ws.waiters.pollFirst();
            if (w == null) {
                return;
            }
            w.notified = true;
            x.rouse(w);
        } while (all);
    }

    static void blockUntil(Actor me, BooleanSupplier condition, Object target, String label) {
        Execution x = me.exec;
        x.point(me, target, Access.READ, label);
        boolean holds;
        me.userCode = false;
        try {
            holds = condition.getAsBoolean();
        } finally {
            me.userCode = true;
        }
        if (!holds) {
            me.until = condition;
            x.block(me, Actor.Block.UNTIL);
            me.until = null;
        }
        woke(me);
    }

    static ActorHandle spawn(Actor me, String name, Runnable body) {
        Execution x = me.exec;
        x.point(me, null, Access.WRITE, SPAWN);
        int id = x.run.threadCount;
        if (id == ChoicePoint.MAX_THREADS) {
            // the explorer's limit, not the program's bug: end the run where user code cannot catch
            // it, as inconclusive
            x.fail(
                    RunStatus.ACTOR_FAILED,
                    me.id,
                    new ControlLost(
                            "a run of the explorer may have at"
                                    + " most "
                                    + ChoicePoint.MAX_THREADS
                                    + " threads; "
                                    + me.name
                                    + " tried to start '"
                                    + name
                                    + "' as thread "
                                    + (id + 1)
                                    + ". This is a limit of the explorer, not a bug"
                                    + " of the program: explore a smaller configuration of it (fewer workers or tasks)",
                            true),
                    null);
        }
        Actor child = x.slot(id);
        child.reset(name, body);
        x.run.threadCount = id + 1;
        x.spawned(child);
        if (x.run.order != null) {
            x.run.order.spawned(me, child);
        }
        if (x.run.tracer != null) {
            x.run.tracer.spawned(me.id, id, name);
        }
        return child;
    }

    static ActorHandle startThread(Actor me, Thread thread) {
        Execution x = me.exec;
        if (x.run.startedThreads().containsKey(thread)) {
            throw new IllegalThreadStateException(
                    me.name
                            + " starts thread '"
                            + thread.getName()
                            + "' a second time: a thread can be started only once");
        }
        Actor child = (Actor) spawn(me, thread.getName(), thread::run);
        child.threadObject = thread;
        x.run.startedThreads().put(thread, child);
        return child;
    }

    static void join(Actor me, Actor target) {
        Execution x = me.exec;
        if (target.exec != x || target.id >= x.run.threadCount) {
            throw new IllegalArgumentException(
                    me.name
                            + " joins '"
                            + target.name
                            + "', which is not a thread of this run: join only handles spawned in the same run");
        }
        x.point(me, target, Access.READ, JOIN);
        if (target.live()) {
            me.joinTarget = target;
            x.block(me, Actor.Block.JOIN);
            me.joinTarget = null;
        }
        acquired(me, target); // it released on itself when it finished
    }

    private static ModelLock held(Actor me, Object lockKey, String op) {
        ModelLock l = me.exec.run.locks().get(lockKey);
        if (l == null || l.owner != me) {
            throw new IllegalMonitorStateException(
                    me.name
                            + " calls "
                            + op
                            + " without holding "
                            + me.exec.run.namer().name(lockKey)
                            + ": take Coordinator.lock("
                            + me.exec.run.namer().name(lockKey)
                            + ") first");
        }
        return l;
    }

    static ModelLock.WaitSet waitSetFor(Execution x, Object condition) {
        ModelLock.WaitSet ws = x.run.waitSets().get(condition);
        if (ws == null) {
            ws = new ModelLock.WaitSet();
            x.run.waitSets().put(condition, ws);
        }
        return ws;
    }
}
