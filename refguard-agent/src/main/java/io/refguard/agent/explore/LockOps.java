package io.refguard.agent.explore;

import io.refguard.agent.bridge.AcquireOp;
import io.refguard.agent.bridge.AwaitOp;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.agent.bridge.LockOp;
import io.refguard.agent.bridge.SuperLocks;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code java.util.concurrent} locks, conditions and semaphores under exploration.
 *
 * <ul>
 *   <li>{@code ReentrantLock}: the runtime's lock on the lock's {@link LockModel} (so a deadlock
 *       report says who holds what), then the real lock, which is free unless a thread the explorer
 *       does not run holds it: that is waited for {@link ExploringInterceptor#foreignWaitNanos} and
 *       then reported. Its conditions wait in the runtime's wait sets, keyed by their models.
 *   <li>Any other JDK lock (the two locks of a {@code ReentrantReadWriteLock}): its real state is
 *       the model. A thread tries the real lock; when that fails it blocks until some thread
 *       unlocks a lock of this kind, then tries again. Only the baton holder changes real state, so
 *       the try never races.
 *   <li>Locks of the program's own classes are instrumented code: they run as written.
 *   <li>{@code Semaphore}: the real semaphore, blocking until enough permits are available.
 * </ul>
 */
final class LockOps {

    private LockOps() {}

    /** Whether the lock's class is the JDK's, whose internal blocking the explorer cannot see. */
    static boolean isJdk(Object o) {
        return o.getClass().getClassLoader() == null;
    }

    /**
     * Whether {@code name} of {@code lock} runs on the model: the lock is the JDK's, or a {@code
     * ReentrantLock} of a class of the program that inherits {@code name} from it (commons-pool2's
     * {@code InterruptibleReentrantLock}, say). A method the class overrides runs as its own,
     * instrumented code, and its {@code super.name()} reaches the model ({@code
     * LockBridge.superLock}).
     */
    private static boolean modeled(Lock lock, String name) {
        return isJdk(lock)
                || lock instanceof ReentrantLock && !SuperLocks.overrides(lock.getClass(), name);
    }

    private static String name(LockOp op) {
        return switch (op) {
            case LOCK -> "lock";
            case LOCK_INTERRUPTIBLY -> "lockInterruptibly";
            case TRY_LOCK, TRY_LOCK_TIMED -> "tryLock";
        };
    }

    /**
     * An acquiring call on {@code lock}; {@code superCall} when it is a {@code ReentrantLock}
     * subclass's {@code super.op()}, which runs on the model whatever the class overrides.
     */
    static boolean lock(
            ExploringInterceptor x,
            ThreadModel me,
            Lock lock,
            LockOp op,
            long nanos,
            int site,
            boolean superCall)
            throws InterruptedException {
        if (!superCall && !modeled(lock, name(op))) {
            return switch (op) {
                case LOCK -> {
                    lock.lock();
                    yield true;
                }
                case LOCK_INTERRUPTIBLY -> {
                    lock.lockInterruptibly();
                    yield true;
                }
                case TRY_LOCK -> lock.tryLock();
                case TRY_LOCK_TIMED -> lock.tryLock(nanos, TimeUnit.NANOSECONDS);
            };
        }
        RunModel run = x.run();
        if (op == LockOp.LOCK_INTERRUPTIBLY || op == LockOp.TRY_LOCK_TIMED) {
            ThreadOps.throwIfInterrupted(me);
        }
        run.ops++;
        LockModel m = run.key(lock, site);
        if (!(lock instanceof ReentrantLock rl)) {
            return viaRealState(run, me, lock, m, op, nanos);
        }
        if (Coordinator.reenter(m)) {
            takeReal(x, rl, m, 1);
            return true;
        }
        if (rl.isFair() && op != LockOp.TRY_LOCK) {
            return fairLock(x, run, me, rl, m, op, nanos);
        }
        return acquire(x, run, me, rl, m, op, nanos);
    }

    /**
     * A fair lock's acquisition ({@link QueueOrder}): queued behind the threads that wait for the
     * lock already, it waits until they have had it, then takes it as a non-fair lock would, with
     * no other thread left to barge in but an untimed {@code tryLock()}.
     */
    private static boolean fairLock(
            ExploringInterceptor x,
            RunModel run,
            ThreadModel me,
            ReentrantLock rl,
            LockModel m,
            LockOp op,
            long nanos)
            throws InterruptedException {
        QueueOrder order = QueueOrder.of(run);
        boolean interruptible = op != LockOp.LOCK;
        boolean timed = op == LockOp.TRY_LOCK_TIMED;
        order.enqueue(rl, me, true);
        try {
            if (order.behind(rl, me)) {
                boolean first =
                        run.block(
                                () -> !order.behind(rl, me) || (interruptible && me.interrupted()),
                                timed,
                                nanos,
                                m,
                                m.waitLabel("wait in line for lock"));
                if (interruptible) {
                    ThreadOps.throwIfInterrupted(me);
                }
                if (!first) {
                    return false; // timed out while others were ahead
                }
            }
            return acquire(x, run, me, rl, m, op, nanos);
        } finally {
            order.dequeue(rl, me); // the thread behind it is first now
        }
    }

    /** Takes {@code rl}, whose model is {@code m}, as {@code op} does, not reentrant. */
    private static boolean acquire(
            ExploringInterceptor x,
            RunModel run,
            ThreadModel me,
            ReentrantLock rl,
            LockModel m,
            LockOp op,
            long nanos)
            throws InterruptedException {
        switch (op) {
            case LOCK -> Coordinator.lock(m);
            case LOCK_INTERRUPTIBLY -> {
                // an interrupt ends the wait with InterruptedException, as for the JDK's lock
                while (!Coordinator.tryLock(m)) {
                    run.block(
                            () -> !Coordinator.isLocked(m) || me.interrupted(),
                            false,
                            0L,
                            m,
                            "lockInterruptibly");
                    ThreadOps.throwIfInterrupted(me);
                }
            }
            case TRY_LOCK -> {
                if (!Coordinator.tryLock(m)) {
                    return false;
                }
            }
            case TRY_LOCK_TIMED -> {
                if (!Coordinator.tryLock(m)) {
                    if (nanos <= 0) {
                        return false;
                    }
                    run.block(
                            () -> !Coordinator.isLocked(m) || me.interrupted(),
                            true,
                            nanos,
                            m,
                            "tryLock");
                    ThreadOps.throwIfInterrupted(me);
                    if (!Coordinator.tryLock(m)) {
                        return false;
                    }
                }
            }
        }
        takeReal(x, rl, m, 1);
        return true;
    }

    /**
     * Takes the real lock {@code times} times for the model's owner. Only the baton holder runs,
     * and the model grants a lock to one thread, so the real lock is free unless a thread outside
     * the exploration holds it.
     */
    private static void takeReal(ExploringInterceptor x, ReentrantLock rl, LockModel m, int times) {
        for (int i = 0; i < times; i++) {
            if (SuperLocks.tryLock(rl)) {
                continue;
            }
            boolean got;
            try {
                got = SuperLocks.tryLock(rl, x.foreignWaitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                throw Coordinator.lostControl(
                        "lock "
                                + m.name
                                + " is held by a thread the"
                                + " explorer does not run ("
                                + rl
                                + "), still after "
                                + TimeUnit.NANOSECONDS.toMillis(x.foreignWaitNanos)
                                + " ms. Only threads"
                                + " started by the explored code are scheduled: do not share this lock"
                                + " with threads started before the exploration or by uninstrumented code.");
            }
        }
    }

    private static boolean viaRealState(
            RunModel run, ThreadModel me, Lock lock, LockModel m, LockOp op, long nanos)
            throws InterruptedException {
        String label = m.waitLabel("lock");
        boolean interruptible = op != LockOp.LOCK && op != LockOp.TRY_LOCK;
        boolean timed = op == LockOp.TRY_LOCK_TIMED;
        Coordinator.point(null, Access.UPDATE, label);
        // the JDK's order among the lock's waiters; an untimed tryLock barges in
        QueueOrder order = op == LockOp.TRY_LOCK ? null : run.queueOrder;
        java.util.concurrent.locks.ReentrantReadWriteLock rw =
                order == null ? null : order.owner(lock);
        if ((rw == null || !order.mustWait(rw, lock, me)) && lock.tryLock()) {
            return true;
        }
        if (op == LockOp.TRY_LOCK || (timed && nanos <= 0)) {
            return false;
        }
        // queued while it waits, for the lock's questions about its queue (readWriteQueue)
        List<Thread> queue = run.realStateWaiters.computeIfAbsent(lock, k -> new ArrayList<>());
        queue.add(me.thread);
        if (rw != null) {
            order.enqueue(rw, me, lock == rw.writeLock());
        }
        try {
            do {
                long seen = run.unlocks;
                run.block(
                        () -> run.unlocks != seen || (interruptible && me.interrupted()),
                        timed,
                        nanos,
                        null,
                        label);
                if (interruptible) {
                    ThreadOps.throwIfInterrupted(me);
                }
                if (run.unlocks == seen) {
                    return false; // timed out
                }
            } while (!((rw == null || !order.mustWait(rw, lock, me)) && lock.tryLock()));
            return true;
        } finally {
            queue.remove(me.thread);
            if (rw != null) {
                order.dequeue(rw, me);
                run.unlocks++; // those queued behind it may go on now
            }
        }
    }

    /** {@code lock.unlock()}, or a {@code ReentrantLock} subclass's {@code super.unlock()}. */
    static void unlock(ExploringInterceptor x, ThreadModel me, Lock lock, boolean superCall) {
        if (!superCall && !modeled(lock, "unlock")) {
            lock.unlock();
            return;
        }
        RunModel run = x.run();
        LockModel m = run.existingKey(lock);
        if (!(lock instanceof ReentrantLock) || m == null || Coordinator.holdCount(m) == 0) {
            if (lock instanceof ReentrantLock) {
                // not held: the unlock throws, and is a step, so the report shows it
                Coordinator.point(m != null ? m : run.key(lock, -1), Access.UPDATE, "unlock");
            }
            realUnlock(lock); // throws IllegalMonitorStateException for a ReentrantLock not held
            run.ops++;
            run.unlocks++;
            return;
        }
        realUnlock(lock);
        run.ops++;
        MonitorOps.release(m);
    }

    /** The real unlock, {@code ReentrantLock}'s own for a subclass that overrides it. */
    private static void realUnlock(Lock lock) {
        if (lock instanceof ReentrantLock rl) {
            SuperLocks.unlock(rl);
        } else {
            lock.unlock();
        }
    }

    /** The {@code ReentrantLock} model {@code condition} belongs to, if the caller holds it. */
    private static LockModel ownerOf(RunModel run, ThreadModel me, Condition condition) {
        Object known = run.conditionLocks.get(condition);
        if (known != null) {
            LockModel m = run.existingKey(known);
            return m != null && Coordinator.holdCount(m) > 0 && known instanceof ReentrantLock
                    ? m
                    : null;
        }
        for (LockModel m : run.heldBy()) {
            if (m.object instanceof ReentrantLock rl) {
                try {
                    rl.hasWaiters(condition); // throws unless the condition is rl's
                    run.conditionLocks.put(condition, rl);
                    return m;
                } catch (IllegalArgumentException notItsCondition) {
                    // try the next held lock
                }
            }
        }
        return null;
    }

    static long await(
            ExploringInterceptor x,
            ThreadModel me,
            Condition condition,
            AwaitOp op,
            long time,
            TimeUnit unit,
            Date deadline,
            int site)
            throws InterruptedException {
        RunModel run = x.run();
        LockModel lock = ownerOf(run, me, condition);
        if (lock == null) {
            Object sync = Synchronizers.ownerOf(run, condition);
            if (sync != null) {
                return Synchronizers.await(x, me, sync, condition, op, time, unit, deadline, site);
            }
            java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock w =
                    RealLockConditions.owner(run, condition);
            if (w != null) {
                return RealLockConditions.await(
                        x, me, w, condition, op, time, unit, deadline, site);
            }
            return unmodeledAwait(condition, op, time, unit, deadline, site);
        }
        boolean interruptible = op != AwaitOp.AWAIT_UNINTERRUPTIBLY;
        if (interruptible) {
            ThreadOps.throwIfInterrupted(me);
        }
        long nanos = awaitNanos(x, op, time, unit, deadline, site);
        boolean timed = isTimed(op);
        run.ops++;
        LockModel c = run.key(condition, site);
        ReentrantLock rl = (ReentrantLock) lock.object;
        int saved = Coordinator.holdCount(lock);
        for (int i = 0; i < saved; i++) {
            SuperLocks.unlock(rl);
        }
        boolean signalled =
                Coordinator.await(
                        lock,
                        c,
                        timed ? Math.max(0L, nanos) : -1L,
                        run.early(RunModel.Timeout.BOUND, timed, nanos),
                        interruptible,
                        c.waitLabel("await"));
        takeReal(x, rl, lock, saved);
        if (interruptible && !signalled) {
            ThreadOps.throwIfInterrupted(me);
        }
        return awaitResult(op, time, signalled);
    }

    /** Whether {@code op} is one of the timed awaits. */
    static boolean isTimed(AwaitOp op) {
        return op == AwaitOp.AWAIT_NANOS || op == AwaitOp.AWAIT_TIMED || op == AwaitOp.AWAIT_UNTIL;
    }

    /** The timeout of a timed {@code op} in nanoseconds (a deadline is read on the clock). */
    static long awaitNanos(
            ExploringInterceptor x, AwaitOp op, long time, TimeUnit unit, Date deadline, int site) {
        return switch (op) {
            case AWAIT_NANOS -> time;
            case AWAIT_TIMED -> unit.toNanos(time);
            case AWAIT_UNTIL ->
                    TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - x.currentTimeMillis(site));
            default -> 1;
        };
    }

    /** What {@code op} returns when the wait ended {@code signalled} or not. */
    static long awaitResult(AwaitOp op, long time, boolean signalled) {
        return switch (op) {
            case AWAIT_NANOS -> signalled ? Math.max(1, time) : 0;
            case AWAIT_TIMED, AWAIT_UNTIL -> signalled ? 1 : 0;
            default -> 0;
        };
    }

    /**
     * A condition of a lock the caller does not hold through the model: the real call, which throws
     * {@code IllegalMonitorStateException} when the lock is not held. A JDK condition whose lock
     * the caller does hold (the write lock of a {@code ReentrantReadWriteLock} among several held,
     * the lock of a {@code ReentrantLock} subclass that locks in its own code) would block where
     * the explorer cannot see it: the run ends as inconclusive at once, naming the call, instead of
     * being reported stuck after a wait in real time. A condition of the program's own class is
     * instrumented code, and runs.
     */
    private static long unmodeledAwait(
            Condition condition, AwaitOp op, long time, TimeUnit unit, Date deadline, int site)
            throws InterruptedException {
        if (condition.getClass().getClassLoader() == null && heldForReal(condition)) {
            throw Coordinator.lostControl(
                    "Condition.await() at "
                            + Instructions.get(site).location()
                            + " cannot be explored: the condition's lock is neither a ReentrantLock"
                            + " that the explorer models nor the only write lock of a"
                            + " ReentrantReadWriteLock that the thread holds, so the wait would"
                            + " block where the explorer cannot see it. Hold one write lock at a"
                            + " time while waiting, use a ReentrantLock's condition, or exclude"
                            + " the class from instrumentation");
        }
        switch (op) {
            case AWAIT -> condition.await();
            case AWAIT_UNINTERRUPTIBLY -> condition.awaitUninterruptibly();
            case AWAIT_NANOS -> {
                return condition.awaitNanos(time);
            }
            case AWAIT_TIMED -> {
                return condition.await(time, unit) ? 1 : 0;
            }
            case AWAIT_UNTIL -> {
                return condition.awaitUntil(deadline) ? 1 : 0;
            }
        }
        return 0;
    }

    /**
     * Whether the caller holds {@code condition}'s lock for real: a real {@code signal()} throws
     * otherwise, and wakes nobody, since no explored thread ever waits on a real condition.
     */
    static boolean heldForReal(Condition condition) {
        try {
            condition.signal();
            return true;
        } catch (IllegalMonitorStateException notHeld) {
            return false;
        }
    }

    /**
     * {@code lock.hasWaiters(condition)} or {@code getWaitQueueLength(condition)}: the threads
     * waiting on the condition in the model, where they wait (the JDK's own condition queue stays
     * empty, so its answer would be "none"). The JDK's call runs first for its checks: the lock
     * must be held and the condition must be its own. A point that reads the condition.
     */
    static Object waitQueue(
            ExploringInterceptor x, LibraryCall call, ReentrantLock lock, Condition condition)
            throws Throwable {
        Object real = call.proceed(); // IllegalMonitorStateException, IllegalArgumentException
        RunModel run = x.run();
        if (ownerOf(run, x.current(), condition) == null) {
            return real; // a condition refguard does not model: the JDK's queue is the truth
        }
        run.ops++;
        LockModel c = run.key(condition, call.site());
        Coordinator.point(c, Access.READ, x.label(call.site()));
        int waiting = Coordinator.waiters(c);
        return call.name().equals("hasWaiters") ? (Object) (waiting > 0) : (Object) waiting;
    }

    /**
     * {@code hasQueuedThreads()} or {@code getQueueLength()} of a {@code ReentrantLock} or a {@code
     * Semaphore}, or a {@code ReentrantLock}'s {@code hasQueuedThread(t)}: the threads blocked
     * taking the lock or a permit in the model ({@link Coordinator#lockWaiters}), where they wait;
     * the JDK's own queue stays empty. A point that reads the lock or semaphore.
     */
    static Object lockQueue(ExploringInterceptor x, LibraryCall call, Object lock)
            throws Throwable {
        Object real = call.proceed();
        RunModel run = x.run();
        LockModel m = run.existingKey(lock);
        if (m == null) {
            return real; // never taken in this run: nobody waits for it in the model
        }
        run.ops++;
        Coordinator.point(m, Access.READ, x.label(call.site()));
        if (call.name().equals("hasQueuedThread")) {
            ThreadModel t = run.threads.get((Thread) call.argument(0));
            return t != null && t.handle != null && Coordinator.waitsForLock(t.handle, m);
        }
        int waiting = Coordinator.lockWaiters(m);
        return call.name().equals("hasQueuedThreads") ? (Object) (waiting > 0) : (Object) waiting;
    }

    /**
     * {@code hasQueuedThreads()}, {@code getQueueLength()} or {@code hasQueuedThread(t)} of a
     * {@code ReentrantReadWriteLock}: the threads blocked taking its read or its write lock in the
     * model ({@link RunModel#realStateWaiters}); the JDK's own queue stays empty. A point, which
     * like the taking of either lock names no object.
     */
    static Object readWriteQueue(
            ExploringInterceptor x,
            LibraryCall call,
            java.util.concurrent.locks.ReentrantReadWriteLock rw)
            throws Throwable {
        Object real = call.proceed();
        RunModel run = x.run();
        List<Thread> readers = run.realStateWaiters.get(rw.readLock());
        List<Thread> writers = run.realStateWaiters.get(rw.writeLock());
        if (readers == null && writers == null) {
            return real; // never waited for in this run
        }
        run.ops++;
        Coordinator.point(null, Access.READ, x.label(call.site()));
        readers = run.realStateWaiters.get(rw.readLock()); // as they are after the point
        writers = run.realStateWaiters.get(rw.writeLock());
        int waiting =
                (readers == null ? 0 : readers.size()) + (writers == null ? 0 : writers.size());
        return switch (call.name()) {
            case "hasQueuedThreads" -> waiting > 0;
            case "getQueueLength" -> waiting;
            default -> {
                Object t = call.argument(0);
                yield readers != null && readers.contains(t)
                        || writers != null && writers.contains(t);
            }
        };
    }

    static void signal(
            ExploringInterceptor x, ThreadModel me, Condition condition, boolean all, int site) {
        RunModel run = x.run();
        LockModel lock = ownerOf(run, me, condition);
        Object sync = lock == null ? Synchronizers.ownerOf(run, condition) : null;
        if (sync != null) {
            Synchronizers.signal(x, sync, condition, all, site);
            return;
        }
        if (lock == null && RealLockConditions.owner(run, condition) != null) {
            RealLockConditions.signal(x, condition, all, site);
            return;
        }
        if (lock == null) {
            if (all) {
                condition.signalAll(); // IllegalMonitorStateException when the lock is not held
            } else {
                condition.signal();
            }
            return;
        }
        run.ops++;
        LockModel c = run.key(condition, site);
        Coordinator.signal(lock, c, all, all ? "signalAll" : "signal");
    }

    static boolean acquire(
            ExploringInterceptor x,
            ThreadModel me,
            Semaphore semaphore,
            AcquireOp op,
            int permits,
            long nanos,
            int site)
            throws InterruptedException {
        if (permits < 0) {
            throw new IllegalArgumentException(
                    "negative permit count "
                            + permits
                            + " at "
                            + Instructions.get(site).location());
        }
        RunModel run = x.run();
        boolean interruptible = op == AcquireOp.ACQUIRE || op == AcquireOp.TRY_ACQUIRE_TIMED;
        if (interruptible) {
            ThreadOps.throwIfInterrupted(me);
        }
        run.ops++;
        LockModel k = run.key(semaphore, site);
        boolean timed = op == AcquireOp.TRY_ACQUIRE_TIMED;
        if (op == AcquireOp.TRY_ACQUIRE || (timed && nanos <= 0)) {
            Coordinator.point(k, Access.UPDATE, "tryAcquire");
            return semaphore.tryAcquire(permits);
        }
        // a timed acquire shows its outcome, so that a row that timed out does not read as taken
        String label = timed ? "tryAcquire" : "acquire";
        // a fair semaphore serves its waiters in order (QueueOrder)
        QueueOrder order = semaphore.isFair() ? QueueOrder.of(run) : null;
        if (order != null) {
            order.enqueue(semaphore, me, false);
        }
        try {
            while (true) {
                // permits come only from release, which releases right after it adds them
                run.blockFreedByRelease(
                        () ->
                                semaphore.availablePermits() >= permits
                                                && (order == null || !order.mustWait(semaphore, me))
                                        || (interruptible && me.interrupted()),
                        timed,
                        nanos,
                        k,
                        label,
                        RunModel.Timeout.BOUND);
                if ((order == null || !order.mustWait(semaphore, me))
                        && semaphore.tryAcquire(permits)) {
                    return shown(timed, true);
                }
                if (interruptible) {
                    ThreadOps.throwIfInterrupted(me);
                }
                if (timed) {
                    return shown(true, false);
                }
            }
        } finally {
            if (order != null) {
                order.dequeue(semaphore, me);
            }
        }
    }

    /** {@code result}, shown on the step's row when {@code show} and the run is traced. */
    private static boolean shown(boolean show, boolean result) {
        if (show && Coordinator.tracing()) {
            Coordinator.showValues("", Boolean.toString(result));
        }
        return result;
    }
}
