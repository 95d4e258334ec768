package io.refguard.explore.runtime;

import io.refguard.explore.ActorHandle;
import io.refguard.hook.Access;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The runtime side of {@link io.refguard.explore.Coordinator}, the public facade through which the
 * explicit API, the modeled shared types and instrumented bytecode reach the scheduler; each method
 * here implements the facade's method of the same name, which documents it. Internal: this package
 * is not exported.
 */
public final class ModelCalls {

    /**
     * The context {@link #withContext} attaches to the explorations the calling thread drives.
     * Inheritable, because the explorer may drive an exploration from a thread of its own that the
     * caller starts (the bounded driver); only engine construction reads it.
     */
    private static final ThreadLocal<Object> CONTEXT = new InheritableThreadLocal<>();

    private ModelCalls() {}

    public static <R> R withContext(Object context, Supplier<R> exploration) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exploration, "exploration");
        Object outer = CONTEXT.get();
        CONTEXT.set(context);
        try {
            return exploration.get();
        } finally {
            if (outer == null) {
                CONTEXT.remove();
            } else {
                CONTEXT.set(outer);
            }
        }
    }

    /** The execution the calling thread drives (setup and final checks run on it), if any. */
    private static final ThreadLocal<Execution> DRIVING = new ThreadLocal<>();

    /**
     * Makes the calling thread the driver of {@code x} (null: of none); returns the previous one.
     */
    static Execution drive(Execution x) {
        Execution before = DRIVING.get();
        if (x == null) {
            DRIVING.remove();
        } else {
            DRIVING.set(x);
        }
        return before;
    }

    public static int identityHash() {
        Thread t = Thread.currentThread();
        Execution x = null;
        if (t instanceof Worker) {
            Actor a = ((Worker) t).actor;
            x = a == null ? null : a.exec;
        } else {
            x = DRIVING.get();
        }
        return x == null ? 0 : x.run.nextIdentityHash();
    }

    /**
     * The context an engine created now by the calling thread carries; see {@link #withContext}.
     */
    static Object contextToAttach() {
        return CONTEXT.get();
    }

    public static Object context() {
        Actor me = managedActor();
        return me == null ? null : me.exec.context;
    }

    /** The actor of the calling thread, when it runs actor code under exploration; else null. */
    static Actor managedActor() {
        Thread t = Thread.currentThread();
        if (t instanceof Worker) {
            Actor a = ((Worker) t).actor;
            if (a != null && a.userCode) {
                return a;
            }
        }
        return null;
    }

    public static long happensBeforeMark() {
        Actor me = managedActor();
        if (me == null) {
            return -1;
        }
        RunState run = me.exec.run;
        if (run.order == null) {
            run.order = new HappensBefore();
            me.exec.waitersTo(run.order); // those blocked already wait from now on
        }
        return run.order.mark(me);
    }

    public static boolean happenedBefore(long mark) {
        Actor me = managedActor();
        HappensBefore order = me == null ? null : me.exec.run.order;
        return mark < 0 || order == null || order.before(mark, me);
    }

    public static void acquireAll() {
        Actor me = managedActor();
        HappensBefore order = me == null ? null : me.exec.run.order;
        if (order != null) {
            order.acquireAll(me);
        }
    }

    public static void operationDone() {
        Actor me = managedActor();
        operationDone(me, me == null ? null : me.pendingTarget);
    }

    public static void operationDone(Object target) {
        operationDone(managedActor(), target);
    }

    private static void operationDone(Actor me, Object target) {
        if (me != null) {
            me.exec.events++;
        }
        HappensBefore order = me == null ? null : me.exec.run.order;
        if (order != null) {
            order.release(me, target == null ? null : Locations.indexKey(target));
        }
    }

    public static long runNumber() {
        Actor me = managedActor();
        return me == null ? -1 : me.exec.run.number;
    }

    public static boolean tracing() {
        Actor me = managedActor();
        return me != null && me.exec.run.tracer != null;
    }

    public static void showValues(String arguments, String result) {
        Actor me = managedActor();
        Tracer t = me == null ? null : me.exec.run.tracer;
        if (t != null) {
            t.values(me.id, arguments, result);
        }
    }

    public static String reportName(Object o) {
        Actor me = managedActor();
        return me == null ? null : me.exec.run.namer().name(o);
    }

    public static boolean isManaged() {
        return managedActor() != null;
    }

    public static void point(Object target, Access access, String label) {
        Actor me = managedActor();
        if (me != null) {
            me.exec.point(me, target, access, label);
        }
    }

    public static boolean foldingPoint(Object target, Access access, String label) {
        Actor me = managedActor();
        return me != null && me.exec.foldingPoint(me, target, access, label);
    }

    public static boolean foldedAccess() {
        Actor me = managedActor();
        return me != null && me.exec.foldedAccess(me);
    }

    public static void showOperation(String text) {
        Actor me = managedActor();
        Tracer t = me == null ? null : me.exec.run.tracer;
        if (t != null) {
            t.call(me.id, text);
        }
    }

    public static void unorderedPoint(Object target, Access access, String label) {
        Actor me = managedActor();
        if (me != null) {
            me.exec.point(me, target, access, label, false);
        }
    }

    public static ControlLost lostControl(String message) {
        ControlLost lost = new ControlLost(message, false);
        Actor me = managedActor();
        if (me == null) {
            Thread t = Thread.currentThread();
            me = t instanceof Worker ? ((Worker) t).actor : null; // in the runtime's own code
        }
        if (me != null && me.exec.running == me) {
            me.exec.record(RunStatus.ACTOR_FAILED, me.id, lost, null);
        }
        throw lost;
    }

    public static void spinWait(String label) {
        Actor me = managedActor();
        if (me != null) {
            me.exec.spinWait(me, label);
        } else {
            Thread.onSpinWait();
        }
    }

    public static void pin(boolean on) {
        Actor me = managedActor();
        if (me != null) {
            me.pinned = Math.max(0, me.pinned + (on ? 1 : -1));
        }
    }

    public static void updateFailed() {
        Actor me = managedActor();
        if (me != null) {
            me.exec.run.fairness.updateFailed(me);
        }
    }

    public static void wroteUnseen() {
        Actor me = managedActor();
        if (me != null) {
            me.exec.run.fairness.wroteUnseen(me);
        }
    }

    public static void point(String label) {
        point(null, Access.UPDATE, label);
    }

    public static void lock(Object lock) {
        Objects.requireNonNull(lock, "lock");
        Actor me = managedActor();
        if (me != null) {
            Primitives.lock(me, lock);
        } else if (lock instanceof Lock) {
            ((Lock) lock).lock();
        }
    }

    public static void take(Object lock) {
        Objects.requireNonNull(lock, "lock");
        Actor me = managedActor();
        if (me != null) {
            Primitives.take(me, lock);
        }
    }

    public static boolean tryLock(Object lock) {
        Objects.requireNonNull(lock, "lock");
        Actor me = managedActor();
        if (me != null) {
            return Primitives.tryLock(me, lock);
        }
        return !(lock instanceof Lock) || ((Lock) lock).tryLock();
    }

    public static void unlock(Object lock) {
        Objects.requireNonNull(lock, "lock");
        Actor me = managedActor();
        if (me != null) {
            Primitives.unlock(me, lock);
        } else if (lock instanceof Lock) {
            ((Lock) lock).unlock();
        }
    }

    public static void await(Object monitor) throws InterruptedException {
        await(monitor, monitor);
    }

    public static void await(Object lock, Object condition) throws InterruptedException {
        Objects.requireNonNull(condition, "condition");
        Actor me = managedActor();
        if (me != null) {
            Primitives.await(me, lock, condition);
        } else if (condition instanceof Condition) {
            ((Condition) condition).await();
        } else {
            condition.wait();
        }
    }

    public static void signal(Object monitor) {
        signal(monitor, monitor);
    }

    public static void signal(Object lock, Object condition) {
        Objects.requireNonNull(condition, "condition");
        Actor me = managedActor();
        if (me != null) {
            Primitives.signal(me, lock, condition, false);
        } else if (condition instanceof Condition) {
            ((Condition) condition).signal();
        } else {
            condition.notify();
        }
    }

    public static void signalAll(Object monitor) {
        signalAll(monitor, monitor);
    }

    public static void signalAll(Object lock, Object condition) {
        Objects.requireNonNull(condition, "condition");
        Actor me = managedActor();
        if (me != null) {
            Primitives.signal(me, lock, condition, true);
        } else if (condition instanceof Condition) {
            ((Condition) condition).signalAll();
        } else {
            condition.notifyAll();
        }
    }

    public static void blockUntil(BooleanSupplier condition, Object target, String label) {
        Objects.requireNonNull(condition, "condition");
        Actor me = managedActor();
        if (me != null) {
            Primitives.blockUntil(me, condition, target, label);
            return;
        }
        while (!condition.getAsBoolean()) {
            Thread.yield();
        }
    }

    public static int holdCount(Object lock) {
        Actor me = managedActor();
        return me == null ? 0 : MonitorWaits.holdCount(me, lock);
    }

    public static boolean isLocked(Object lock) {
        Execution x = runOf(Thread.currentThread());
        return x != null && MonitorWaits.isLocked(x, lock);
    }

    public static int waiters(Object condition) {
        Execution x = runOf(Thread.currentThread());
        return x == null ? 0 : MonitorWaits.waiters(x, condition);
    }

    public static boolean gaveUpAfterEarlyTimeout() {
        Execution x = runOf(Thread.currentThread());
        if (x == null) {
            return false;
        }
        for (int i = 0; i < x.run.threadCount; i++) {
            Actor a = x.slots[i];
            if (a.earlyTimeoutStep >= 0 && !a.waitedSinceEarlyTimeout) {
                return true;
            }
        }
        return false;
    }

    public static void waitedInTime() {
        Actor me = managedActor();
        if (me != null && me.earlyTimeoutStep >= 0) {
            me.waitedSinceEarlyTimeout = true;
        }
    }

    public static int stepsSinceEarlyTimeout() {
        Actor me = managedActor();
        if (me == null || me.earlyTimeoutStep < 0 || me.waitedSinceEarlyTimeout) {
            return -1;
        }
        return me.exec.run.stepsOf(me.id, me.earlyTimeoutStep);
    }

    public static void safetyNetExpired() {
        endsAsPass(RunStatus.SAFETY_NET);
    }

    public static void programExited() {
        endsAsPass(RunStatus.EXITED);
    }

    private static void endsAsPass(RunStatus status) {
        Actor me = managedActor();
        if (me != null) {
            me.passingEnd = status;
        }
    }

    public static int lockWaiters(Object lock) {
        Execution x = runOf(Thread.currentThread());
        return x == null ? 0 : MonitorWaits.lockWaiters(x, lock);
    }

    public static boolean waitsForLock(ActorHandle thread, Object lock) {
        return MonitorWaits.waitsFor(actorOf(thread), lock);
    }

    public static boolean reenter(Object lock) {
        Actor me = managedActor();
        return me != null && MonitorWaits.reenter(me, lock);
    }

    public static boolean await(
            Object lock,
            Object condition,
            long timeoutNanos,
            boolean early,
            boolean interruptible,
            String label) {
        Actor me = managedActor();
        if (me == null || MonitorWaits.holdCount(me, lock) == 0) {
            throw new IllegalMonitorStateException(
                    "await on " + condition + " without holding its lock in the exploration");
        }
        return MonitorWaits.await(me, lock, condition, timeoutNanos, early, interruptible, label);
    }

    public static void signal(Object lock, Object condition, boolean all, String label) {
        Objects.requireNonNull(condition, "condition");
        Actor me = managedActor();
        if (me != null) {
            Primitives.signal(me, lock, condition, all, label);
        } else if (all) {
            signalAll(lock, condition);
        } else {
            signal(lock, condition);
        }
    }

    public static ActorHandle currentHandle() {
        return managedActor();
    }

    public static void daemon(ActorHandle thread) {
        Actor a = actorOf(thread);
        a.exec.daemon(a);
    }

    public static void interrupt(ActorHandle thread, boolean on) {
        actorOf(thread).interrupted = on;
    }

    public static boolean isInterrupted(ActorHandle thread) {
        return actorOf(thread).interrupted;
    }

    public static boolean isFinished(ActorHandle thread) {
        return !actorOf(thread).live();
    }

    public static boolean canGoOn(ActorHandle thread) {
        return actorOf(thread).canGoOn();
    }

    public static Thread.State threadState(ActorHandle thread) {
        Actor a = actorOf(thread);
        return switch (a.state) {
            case NEW, RUNNABLE -> Thread.State.RUNNABLE;
            case DONE -> Thread.State.TERMINATED;
            case BLOCKED ->
                    a.block == Actor.Block.LOCK || (a.block == Actor.Block.WAIT && a.notified)
                            ? Thread.State.BLOCKED
                            : a.deadline != Long.MAX_VALUE
                                    ? Thread.State.TIMED_WAITING
                                    : Thread.State.WAITING;
        };
    }

    public static void park(long timeoutNanos, boolean early, Object target) {
        Actor me = managedActor();
        if (me == null) {
            throw new IllegalStateException("park outside an exploration");
        }
        ThreadStatus.park(me, timeoutNanos, early, target);
    }

    public static boolean tryPark() {
        Actor me = managedActor();
        if (me == null) {
            throw new IllegalStateException("park outside an exploration");
        }
        return ThreadStatus.tryPark(me);
    }

    public static void unpark(ActorHandle thread) {
        actorOf(thread).permit = true;
    }

    private static Actor actorOf(ActorHandle thread) {
        if (thread instanceof Actor) {
            return (Actor) thread;
        }
        throw new IllegalArgumentException(
                "'" + thread.name() + "' is not a thread of an exploration run");
    }

    /** The execution whose actor or driver the thread {@code t} is, whatever code it runs now. */
    private static Execution runOf(Thread t) {
        Actor a = t instanceof Worker ? ((Worker) t).actor : null;
        return a != null ? a.exec : DRIVING.get();
    }

    public static boolean blockUntil(
            BooleanSupplier wake, long timeoutNanos, boolean early, Object target, String label) {
        Objects.requireNonNull(wake, "wake");
        Actor me = managedActor();
        if (me != null) {
            return Waits.block(me, wake, timeoutNanos, early, target, label);
        }
        while (!wake.getAsBoolean()) {
            Thread.yield();
        }
        return true;
    }

    public static long advanceClock(long nanos) {
        Execution x = runOf(Thread.currentThread());
        if (x == null) {
            return 0;
        }
        RunState run = x.run;
        run.clockNanos += nanos;
        return run.clockNanos;
    }

    public static long clockNanos() {
        return advanceClock(0);
    }

    public static boolean isAbort(Throwable t) {
        return t instanceof AbortSignal;
    }

    public static ActorHandle spawn(String name, Runnable body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Actor me = managedActor();
        if (me != null) {
            return Primitives.spawn(me, name, body);
        }
        Thread t = new Thread(body, name);
        t.start();
        return new PlainHandle(t);
    }

    public static void join(ActorHandle handle) throws InterruptedException {
        Objects.requireNonNull(handle, "handle");
        Actor me = managedActor();
        if (me != null) {
            if (!(handle instanceof Actor)) {
                throw new IllegalArgumentException(
                        me.name
                                + " joins '"
                                + handle.name()
                                + "', which was started outside the exploration: spawn it from an actor");
            }
            Primitives.join(me, (Actor) handle);
        } else if (handle instanceof PlainHandle) {
            ((PlainHandle) handle).thread.join();
        } else {
            throw new IllegalArgumentException(
                    "'"
                            + handle.name()
                            + "' is a thread of an"
                            + " exploration run; join it from an actor of the same run");
        }
    }

    public static void startThread(Thread thread) {
        Objects.requireNonNull(thread, "thread");
        Actor me = managedActor();
        if (me != null) {
            Primitives.startThread(me, thread);
        } else {
            thread.start();
        }
    }

    public static void joinThread(Thread thread) throws InterruptedException {
        Objects.requireNonNull(thread, "thread");
        Actor me = managedActor();
        Actor target = me == null ? null : me.exec.run.startedThreads().get(thread);
        if (target != null) {
            Primitives.join(me, target);
        } else {
            thread.join();
        }
    }

    public static Thread currentThread() {
        Actor me = managedActor();
        if (me != null && me.threadObject != null) {
            return me.threadObject;
        }
        return Thread.currentThread();
    }

    /** A plain thread started outside any exploration. */
    private static final class PlainHandle implements ActorHandle {
        final Thread thread;

        PlainHandle(Thread thread) {
            this.thread = thread;
        }

        @Override
        public String name() {
            return thread.getName();
        }
    }
}
