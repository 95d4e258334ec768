package io.refguard.agent.explore;

import io.refguard.agent.bridge.AwaitOp;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;

/**
 * The program's own synchronizers built on {@code AbstractQueuedSynchronizer} (or {@code
 * AbstractQueuedLongSynchronizer}) under exploration: a mutex, latch or permit pool whose {@code
 * tryAcquire}/{@code tryRelease} (or the shared pair) the program writes, and whose queueing and
 * parking the JDK does. The JDK would park a thread that fails to acquire inside {@code acquire},
 * where the explorer cannot see it; so a routed call ({@code LibraryRules}) runs the model's
 * acquire instead, the one the AQS documentation gives in pseudocode:
 *
 * <pre>
 *   while (!tryAcquire(arg)) { enqueue the thread if not queued; block until a release }
 * </pre>
 *
 * The program's {@code tryAcquire} and {@code tryRelease} run as its own, instrumented code, with
 * their scheduling points, on the calling thread; a release whose {@code tryRelease} returns true
 * wakes every waiting thread of that synchronizer, which tries again (the JDK wakes the first, and
 * in shared mode each next one in turn: waking all is a superset, as a spurious wake-up is
 * allowed). The queue is the model's, in arrival order, so the queries answer from it ({@code
 * hasQueuedThreads}, {@code hasQueuedPredecessors}, which a fair {@code tryAcquire} asks, {@code
 * getQueueLength}, ...), and {@code getState}, {@code setState} and {@code compareAndSetState} are
 * scheduling points on the synchronizer, so a {@code tryAcquire} that reads and then sets the state
 * is explored as the race it is. Interrupts end {@code acquireInterruptibly} and the timed acquires
 * with {@code InterruptedException}, as in the JDK; timeouts are on the virtual clock. The
 * conditions of such a synchronizer ({@code ConditionObject}) are not modeled: waiting on one ends
 * the run as inconclusive at once, naming the call.
 */
final class Synchronizers {

    private Synchronizers() {}

    /** A synchronizer's queue in the model. */
    static final class Queue {
        /** The threads blocked acquiring it, in arrival order. */
        final List<ThreadModel> waiting = new ArrayList<>();

        /** For each thread in {@link #waiting}: whether it acquires in shared mode. */
        final List<Boolean> shared = new ArrayList<>();

        /** The successful releases so far: a blocked thread wakes when this changes. */
        long releases;

        /** Whether a thread ever blocked on it ({@code hasContended}). */
        boolean contended;
    }

    /** Whether {@code o} is a synchronizer of the program's own class ({@link #call} applies). */
    static boolean applies(Object o) {
        return (o instanceof AbstractQueuedSynchronizer
                        || o instanceof AbstractQueuedLongSynchronizer)
                && o.getClass().getClassLoader() != null;
    }

    /** A routed call on a synchronizer of the program's ({@link #applies}). */
    static Object call(ExploringInterceptor x, LibraryCall call, Object sync) throws Throwable {
        String name = call.name();
        return switch (name) {
            case "acquire" -> acquire(x, call, sync, false, false, false);
            case "acquireInterruptibly" -> acquire(x, call, sync, false, true, false);
            case "tryAcquireNanos" -> acquire(x, call, sync, false, true, true);
            case "acquireShared" -> acquire(x, call, sync, true, false, false);
            case "acquireSharedInterruptibly" -> acquire(x, call, sync, true, true, false);
            case "tryAcquireSharedNanos" -> acquire(x, call, sync, true, true, true);
            case "release", "releaseShared" -> release(x, call, sync, name.equals("releaseShared"));
            case "getState" -> state(x, call, sync, Access.READ);
            case "setState" -> state(x, call, sync, Access.WRITE);
            case "compareAndSetState" -> state(x, call, sync, Access.UPDATE);
            default -> query(x, call, sync);
        };
    }

    /**
     * {@code acquire}, {@code acquireShared} and their interruptible and timed forms: tries, and
     * while that fails blocks in the model until a release (or, when {@code interruptible}, an
     * interrupt, or when {@code timed}, the timeout). Returns what the call returns: null, or for a
     * timed form whether it acquired.
     */
    private static Object acquire(
            ExploringInterceptor x,
            LibraryCall call,
            Object sync,
            boolean shared,
            boolean interruptible,
            boolean timed)
            throws Throwable {
        long nanos = timed ? (Long) call.argument(1) : 0L;
        return acquire(x, sync, call.argument(0), nanos, shared, interruptible, timed, call.site());
    }

    /** {@link #acquire(ExploringInterceptor, LibraryCall, Object, boolean, boolean, boolean)}. */
    private static Object acquire(
            ExploringInterceptor x,
            Object sync,
            Object arg,
            long nanos,
            boolean shared,
            boolean interruptible,
            boolean timed,
            int site)
            throws Throwable {
        ThreadModel me = x.current();
        RunModel run = x.run();
        if (interruptible) {
            ThreadOps.throwIfInterrupted(me);
        }
        Queue q = run.synchronizers.computeIfAbsent(sync, s -> new Queue());
        long seen = q.releases;
        if (tried(sync, arg, shared)) {
            return timed ? Boolean.TRUE : null;
        }
        if (timed && nanos <= 0) {
            return Boolean.FALSE;
        }
        LockModel k = run.key(sync, site);
        String label = x.label(site);
        q.waiting.add(me);
        q.shared.add(shared);
        q.contended = true;
        try {
            while (true) {
                long before = seen;
                run.ops++;
                boolean woke =
                        run.block(
                                () -> q.releases != before || (interruptible && me.interrupted()),
                                timed,
                                nanos,
                                k,
                                label);
                if (interruptible) {
                    ThreadOps.throwIfInterrupted(me);
                }
                seen = q.releases;
                if (tried(sync, arg, shared)) {
                    return timed ? Boolean.TRUE : null;
                }
                if (!woke) {
                    return Boolean.FALSE; // timed out, and the last try failed
                }
            }
        } finally {
            int i = q.waiting.indexOf(me);
            q.waiting.remove(i);
            q.shared.remove(i);
        }
    }

    /**
     * {@code release} or {@code releaseShared}: the program's {@code tryRelease} (or {@code
     * tryReleaseShared}); when it returns true, every thread blocked on the synchronizer wakes.
     */
    private static Object release(
            ExploringInterceptor x, LibraryCall call, Object sync, boolean shared)
            throws Throwable {
        Object arg = call.argument(0);
        boolean released = (Boolean) hooks(sync.getClass()).invoke(shared ? 3 : 1, sync, arg);
        if (released) {
            Queue q = x.run().synchronizers.get(sync);
            if (q != null) {
                q.releases++;
            }
        }
        return released;
    }

    /**
     * The synchronizer of this run that owns {@code condition}, a {@code ConditionObject}; null for
     * any other condition. A thread that waits on a condition holds its synchronizer, which it
     * acquired through the model, so the synchronizer is among the run's.
     */
    static Object ownerOf(RunModel run, Object condition) {
        if (condition instanceof AbstractQueuedSynchronizer.ConditionObject c) {
            for (Object sync : run.synchronizers.keySet()) {
                if (sync instanceof AbstractQueuedSynchronizer s && s.owns(c)) {
                    return s;
                }
            }
        } else if (condition instanceof AbstractQueuedLongSynchronizer.ConditionObject c) {
            for (Object sync : run.synchronizers.keySet()) {
                if (sync instanceof AbstractQueuedLongSynchronizer s && s.owns(c)) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * {@code await} (in any of its forms, {@code op}) on {@code condition} of {@code sync}, as the
     * JDK's {@code ConditionObject} does it: the caller must hold the synchronizer exclusively (the
     * program's {@code isHeldExclusively}); it releases the whole state (the program's {@code
     * tryRelease(getState())}), waits in the model until a signal picks it, an interrupt or its
     * timeout, then acquires again with that state, waiting as any acquirer does.
     */
    static long await(
            ExploringInterceptor x,
            ThreadModel me,
            Object sync,
            Condition condition,
            AwaitOp op,
            long time,
            TimeUnit unit,
            Date deadline,
            int site)
            throws InterruptedException {
        try {
            RunModel run = x.run();
            boolean interruptible = op != AwaitOp.AWAIT_UNINTERRUPTIBLY;
            if (interruptible) {
                ThreadOps.throwIfInterrupted(me);
            }
            Hooks h = hooks(sync.getClass());
            if (!h.heldExclusively(sync)) {
                throw new IllegalMonitorStateException();
            }
            Object saved = h.state(sync);
            if (!(Boolean) h.invoke(1, sync, saved)) {
                throw new IllegalMonitorStateException();
            }
            run.synchronizers.get(sync).releases++;
            boolean timed = LockOps.isTimed(op);
            long nanos = timed ? LockOps.awaitNanos(x, op, time, unit, deadline, site) : 0L;
            LockModel c = run.key(condition, site);
            boolean signalled =
                    RealLockConditions.waitForSignal(
                            run, me, condition, c, interruptible, timed, nanos);
            acquire(x, sync, saved, 0L, false, false, false, site);
            if (interruptible && !signalled) {
                ThreadOps.throwIfInterrupted(me);
            }
            return LockOps.awaitResult(op, time, signalled);
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
    }

    /**
     * {@code signal} ({@code all} false) or {@code signalAll} on {@code condition} of {@code sync}:
     * the caller must hold it exclusively; the longest waiters are picked.
     */
    static void signal(
            ExploringInterceptor x, Object sync, Condition condition, boolean all, int site) {
        boolean held;
        try {
            held = hooks(sync.getClass()).heldExclusively(sync);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
        if (!held) {
            throw new IllegalMonitorStateException();
        }
        RealLockConditions.signal(x, condition, all, site);
    }

    /** Whether the program's {@code tryAcquire} (or {@code tryAcquireShared}) succeeds. */
    private static boolean tried(Object sync, Object arg, boolean shared) throws Throwable {
        Hooks h = hooks(sync.getClass());
        if (shared) {
            Object r = h.invoke(2, sync, arg);
            return r instanceof Long l ? l >= 0 : (Integer) r >= 0;
        }
        return (Boolean) h.invoke(0, sync, arg);
    }

    /** {@code getState}, {@code setState} or {@code compareAndSetState}: a point, then the call. */
    private static Object state(ExploringInterceptor x, LibraryCall call, Object sync, Access a)
            throws Throwable {
        RunModel run = x.run();
        run.ops++;
        Coordinator.point(run.key(sync, call.site()), a, x.label(call.site()));
        return call.proceed();
    }

    /** The questions about the queue, answered from the model's; any other call as it is. */
    private static Object query(ExploringInterceptor x, LibraryCall call, Object sync)
            throws Throwable {
        String name = call.name();
        switch (name) {
            case "hasQueuedThreads",
                    "hasContended",
                    "getFirstQueuedThread",
                    "isQueued",
                    "hasQueuedPredecessors",
                    "getQueueLength",
                    "getQueuedThreads",
                    "getExclusiveQueuedThreads",
                    "getSharedQueuedThreads" -> {}
            case "hasWaiters", "getWaitQueueLength", "getWaitingThreads" -> {
                return conditionQuery(x, call, sync);
            }
            default -> {
                return call.proceed();
            }
        }
        RunModel run = x.run();
        run.ops++;
        Coordinator.point(run.key(sync, call.site()), Access.READ, x.label(call.site()));
        Queue q = run.synchronizers.get(sync);
        List<ThreadModel> waiting = q == null ? List.of() : q.waiting;
        return switch (name) {
            case "hasQueuedThreads" -> !waiting.isEmpty();
            case "hasContended" -> q != null && q.contended;
            case "getFirstQueuedThread" -> waiting.isEmpty() ? null : waiting.get(0).thread;
            case "isQueued" -> {
                if (call.argument(0) == null) {
                    throw new NullPointerException();
                }
                yield waiting.stream().anyMatch(t -> t.thread == call.argument(0));
            }
            case "hasQueuedPredecessors" -> !waiting.isEmpty() && waiting.get(0) != x.current();
            case "getQueueLength" -> waiting.size();
            case "getQueuedThreads" -> threads(q, null);
            case "getExclusiveQueuedThreads" -> threads(q, Boolean.FALSE);
            default -> threads(q, Boolean.TRUE); // getSharedQueuedThreads
        };
    }

    /**
     * {@code hasWaiters(condition)}, {@code getWaitQueueLength(condition)} or {@code
     * getWaitingThreads(condition)}: the JDK's checks (the synchronizer owns the condition, the
     * caller holds it), then the threads waiting on the condition in the model, not yet signalled.
     */
    private static Object conditionQuery(ExploringInterceptor x, LibraryCall call, Object sync)
            throws Throwable {
        Object condition = call.argument(0);
        if (condition == null) {
            throw new NullPointerException();
        }
        if (ownerOf(x.run(), condition) != sync) {
            return call.proceed(); // the JDK's IllegalArgumentException: not its condition
        }
        if (!hooks(sync.getClass()).heldExclusively(sync)) {
            throw new IllegalMonitorStateException();
        }
        RunModel run = x.run();
        run.ops++;
        Coordinator.point(run.key(condition, call.site()), Access.READ, x.label(call.site()));
        ArrayDeque<ThreadModel> waiting = run.realConditionWaiters.get(condition);
        List<Thread> threads = new ArrayList<>();
        if (waiting != null) {
            for (ThreadModel t : waiting) {
                threads.add(t.thread);
            }
        }
        return switch (call.name()) {
            case "hasWaiters" -> !threads.isEmpty();
            case "getWaitQueueLength" -> threads.size();
            default -> threads;
        };
    }

    /** The queued threads, of one mode when {@code shared} is not null. */
    private static List<Thread> threads(Queue q, Boolean shared) {
        List<Thread> out = new ArrayList<>();
        if (q != null) {
            for (int i = 0; i < q.waiting.size(); i++) {
                if (shared == null || q.shared.get(i).equals(shared)) {
                    out.add(q.waiting.get(i).thread);
                }
            }
        }
        return out;
    }

    /**
     * The program's {@code tryAcquire}, {@code tryRelease}, {@code tryAcquireShared} and {@code
     * tryReleaseShared} of one synchronizer class, in that order: protected methods, reached
     * through a lookup in the class itself, so one it does not override is the JDK's, which throws
     * {@code UnsupportedOperationException} as the JDK's {@code acquire} would.
     */
    private record Hooks(MethodHandle[] methods) {
        Object invoke(int which, Object sync, Object arg) throws Throwable {
            return methods[which].invoke(sync, arg);
        }

        /** The program's {@code isHeldExclusively()} (the JDK's throws, as its conditions do). */
        boolean heldExclusively(Object sync) throws Throwable {
            return (Boolean) methods[HELD].invoke(sync);
        }

        /** {@code getState()}, boxed. */
        Object state(Object sync) throws Throwable {
            return methods[STATE].invoke(sync);
        }
    }

    private static final String[] HOOK_NAMES = {
        "tryAcquire", "tryRelease", "tryAcquireShared", "tryReleaseShared"
    };

    /** Index of the program's {@code isHeldExclusively()} in {@link Hooks}. */
    private static final int HELD = 4;

    /** Index of {@code getState()} in {@link Hooks}. */
    private static final int STATE = 5;

    private static final ClassValue<Hooks> HOOKS =
            new ClassValue<>() {
                @Override
                protected Hooks computeValue(Class<?> type) {
                    boolean wide = AbstractQueuedLongSynchronizer.class.isAssignableFrom(type);
                    Class<?> argType = wide ? long.class : int.class;
                    MethodHandle[] m = new MethodHandle[6];
                    try {
                        MethodHandles.Lookup l =
                                MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                        for (int i = 0; i < 4; i++) {
                            Class<?> result = i != 2 ? boolean.class : argType; // shared: a count
                            m[i] =
                                    l.findVirtual(
                                                    type,
                                                    HOOK_NAMES[i],
                                                    MethodType.methodType(result, argType))
                                            .asType(
                                                    MethodType.methodType(
                                                            Object.class,
                                                            Object.class,
                                                            Object.class));
                        }
                        m[HELD] =
                                l.findVirtual(
                                                type,
                                                "isHeldExclusively",
                                                MethodType.methodType(boolean.class))
                                        .asType(MethodType.methodType(Object.class, Object.class));
                        m[STATE] =
                                l.findVirtual(type, "getState", MethodType.methodType(argType))
                                        .asType(MethodType.methodType(Object.class, Object.class));
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        throw new IllegalStateException(
                                "refguard cannot call the acquire and release methods of "
                                        + type.getName()
                                        + " ("
                                        + e
                                        + "); exclude the class from instrumentation",
                                e);
                    }
                    return new Hooks(m);
                }
            };

    private static Hooks hooks(Class<?> type) {
        return HOOKS.get(type);
    }
}
