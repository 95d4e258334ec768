package io.refguard.agent.explore;

import io.refguard.agent.bridge.ExecutorKind;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ForkJoinPool} and {@code ForkJoinTask} ({@code RecursiveTask}, {@code RecursiveAction})
 * under exploration, modeled at the program's call sites like the other pools.
 *
 * <p>The real pool never runs anything: its workers would park inside the JDK, where the explorer
 * cannot see them. Each pool the program uses gets a modeled pool in the run ({@link
 * ModeledExecutor}, cached): the common pool's model is the one {@code CompletableFuture}'s {@code
 * *Async} methods run on ({@link LibraryOps#asyncPool}); a pool the program built is {@code
 * ForkJoinPool-N}, workers {@code ForkJoinPool-N-worker-M}. A task is queued on a model, never on
 * the real pool, and a modeled worker runs it with the real {@code quietlyInvoke()}, which runs its
 * {@code compute()} on that worker and records its result or exception in the task itself, so
 * {@code isDone}, {@code join} and {@code get} give the JDK's own answers once it is done.
 *
 * <ul>
 *   <li>{@code fork()}: one scheduling point, then the task is queued on the pool of the calling
 *       worker, or on the common pool's model when the caller is no worker of a modeled {@code
 *       ForkJoinPool} (as the JDK does).
 *   <li>{@code join()}, {@code get()}, {@code quietlyJoin()}: one scheduling point that waits in
 *       the model until the task is done (a timed {@code get} times out on the virtual clock), then
 *       the real call, which no longer blocks.
 *   <li>{@code invoke()}, {@code quietlyInvoke()}: the real call, which runs {@code compute()} on
 *       the calling thread, after one scheduling point.
 *   <li>{@code ForkJoinTask.invokeAll(...)}: one scheduling point forks all tasks but the first,
 *       the first runs on the calling thread, then one wait for the others; the first exception is
 *       rethrown as the JDK does.
 *   <li>the pool's {@code execute}, {@code submit}, {@code invoke}, {@code invokeAll}: the task (a
 *       {@code Runnable} or {@code Callable} adapted with {@code ForkJoinTask.adapt}, so the
 *       program gets the {@code ForkJoinTask} the JDK's signature promises) is queued on the model.
 *       {@code shutdown}, {@code awaitTermination}, {@code close} act on the model; the common pool
 *       cannot be shut down, and waiting for it waits until it is quiescent.
 * </ul>
 *
 * <p>What is not modeled: work stealing and the joining worker running the task itself (the model
 * starts a worker for every task no idle worker can take, as the JDK's pool compensates for blocked
 * joins; the schedules differ only in which thread runs a task, not in how tasks interleave), and
 * the parallelism of a pool that takes the machine's ({@code new ForkJoinPool()}, the common pool).
 * A pool built with a parallelism of the program's choosing ({@code new ForkJoinPool(1)}) runs at
 * most that many tasks at once, in the order they were queued ({@link
 * ModeledExecutor#parallelism}); a task whose worker is blocked, in a join or in any other wait,
 * does not count, as the JDK's pool adds a spare worker for a blocked join or managed block (it
 * does not for other waits, so a starving pool the JDK would hang is not found). A {@code
 * CountedCompleter} runs like any other task, its {@code exec()} (which calls {@code compute()})
 * once; it completes when the program's {@code tryComplete()} calls, one atomic step each,
 * propagate to it, and {@code invoke}, {@code join}, {@code get} and {@code invokeAll} wait in the
 * model until then (the JDK waits, and helps complete them, inside its own code).
 */
final class ForkJoinModels {

    private ForkJoinModels() {}

    /** The modeled pool standing for {@code pool} in this run, made on first use. */
    static ModeledExecutor modelOf(ExploringInterceptor x, ForkJoinPool pool) {
        if (pool == ForkJoinPool.commonPool()) {
            return (ModeledExecutor) LibraryOps.asyncPool(x);
        }
        RunModel r = x.run();
        LockModel k = r.key(pool, "ForkJoinPool#");
        if (k.state == null) {
            String name = "ForkJoinPool-" + (r.forkJoinPools.size() + 1);
            ModeledExecutor m =
                    new ModeledExecutor(
                            x, r, ExecutorKind.CACHED, 0, null, name, name + "-worker-", null);
            if (io.refguard.agent.bridge.LibraryBridge.sizedForkJoinPool(pool)) {
                m.parallelism = pool.getParallelism();
            }
            r.forkJoinPools.put(m, pool);
            k.state = m;
        }
        return (ModeledExecutor) k.state;
    }

    /** The pool a task forked by the calling thread goes to: its own pool's, else the common. */
    static ModeledExecutor currentPool(ExploringInterceptor x) {
        RunModel r = x.run();
        ThreadModel me = x.current();
        for (ModeledExecutor p : r.forkJoinPools.keySet()) {
            if (p.hasWorker(me)) {
                return p;
            }
        }
        return (ModeledExecutor) LibraryOps.asyncPool(x);
    }

    /**
     * {@code ForkJoinTask.getPool()}: the pool whose modeled worker calls it (the common pool for
     * its workers), or null outside any; {@code inForkJoinPool()}: whether there is one.
     */
    static Object poolQuery(ExploringInterceptor x, LibraryCall call) {
        RunModel r = x.run();
        ThreadModel me = x.current();
        ForkJoinPool pool = null;
        for (var e : r.forkJoinPools.entrySet()) {
            if (e.getKey().hasWorker(me)) {
                pool = e.getValue();
            }
        }
        if (pool == null && r.asyncPool != null && r.asyncPool.hasWorker(me)) {
            pool = ForkJoinPool.commonPool();
        }
        return call.name().equals("getPool") ? pool : (Object) (pool != null);
    }

    /**
     * {@code ForkJoinTask.helpQuiesce()}: one scheduling point that waits until the caller's pool
     * (the common pool outside any) has no queued task and every other worker is idle or waits here
     * too.
     */
    static Object helpQuiesce(ExploringInterceptor x, LibraryCall call) {
        RunModel r = x.run();
        ModeledExecutor pool = currentPool(x);
        int self = pool.hasWorker(x.current()) ? 1 : 0;
        pool.quiescing += self;
        try {
            r.ops++;
            r.block(
                    () -> pool.queue.isEmpty() && pool.live - pool.idle - pool.quiescing == 0,
                    false,
                    pool.key,
                    x.label(call.site()));
        } finally {
            pool.quiescing -= self;
        }
        return null;
    }

    /**
     * A queued task as a modeled worker runs it. A {@code RecursiveTask}, a {@code RecursiveAction}
     * and the JDK's own adapters complete when their body returns, so they run through the JDK's
     * own status ({@code quietlyInvoke}). Any other subclass runs as a pool's worker runs it: its
     * {@code exec()} once, completing the task only when {@code exec()} says so. A task may leave
     * itself incomplete (Caffeine's maintenance task does, to be submitted again), and {@code
     * quietlyInvoke} would then wait for it for real.
     */
    /** {@code task} as a modeled worker runs it ({@link Forked}). */
    static Runnable forked(ForkJoinTask<?> task) {
        return new Forked(task);
    }

    private record Forked(ForkJoinTask<?> task) implements Runnable {
        @Override
        public void run() {
            if (task instanceof RecursiveAction
                    || task instanceof RecursiveTask<?>
                    || task.getClass().getName().startsWith("java.")) {
                task.quietlyInvoke();
            } else {
                execOnce(task);
            }
            Throwable t = task.isCompletedAbnormally() ? task.getException() : null;
            if (t != null && Coordinator.isAbort(t)) {
                throw (Error) t; // the run ended: the JDK kept the runtime's signal in the task
            }
        }
    }

    /** Runs {@code task.exec()} once, as a pool's worker does, and records how it ended. */
    private static void execOnce(ForkJoinTask<?> task) {
        if (task instanceof CountedCompleter<?> completer) {
            // its exec() is final in java.base, which does not open it: exec() is compute() and
            // "not complete yet", and compute() is public
            try {
                completer.compute();
            } catch (Throwable t) {
                if (Coordinator.isAbort(t)) {
                    throw t;
                }
                task.completeExceptionally(t);
            }
            return;
        }
        Method exec = execOf(task.getClass());
        try {
            if ((Boolean) exec.invoke(task)) {
                task.quietlyComplete();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (Coordinator.isAbort(cause)) {
                throw (Error) cause;
            }
            task.completeExceptionally(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("exec() of " + task.getClass().getName(), e);
        }
    }

    /**
     * The subclass's own {@code exec()}, made callable; refused when its module does not open it.
     */
    private static Method execOf(Class<?> c) {
        for (Class<?> k = c; k != ForkJoinTask.class; k = k.getSuperclass()) {
            try {
                Method m = k.getDeclaredMethod("exec");
                try {
                    m.setAccessible(true);
                } catch (RuntimeException closed) {
                    throw Coordinator.lostControl(
                            "the ForkJoinTask "
                                    + c.getName()
                                    + " cannot be run by the explorer's pool: its module does not"
                                    + " open "
                                    + k.getPackageName()
                                    + "; run the program on the class path");
                }
                return m;
            } catch (NoSuchMethodException e) {
                // inherited: look in the superclass
            }
        }
        throw new IllegalStateException(c.getName() + " has no exec() below ForkJoinTask");
    }

    // ------------------------------------------------------------------------------ tasks

    /** A call on a {@code ForkJoinTask} from instrumented code. */
    static Object taskCall(ExploringInterceptor x, LibraryCall call, ForkJoinTask<?> task)
            throws Throwable {
        String name = call.name();
        String label = x.label(call.site());
        int args = call.argumentCount();
        if (args != 0 && !(name.equals("get") && args == 2)) {
            name = ""; // not one of ForkJoinTask's own fork, join or get methods
        }
        switch (name) {
            case "fork" -> {
                point(x, task, call, label);
                currentPool(x).enqueue(new Forked(task), true);
                return task;
            }
            case "join", "quietlyJoin" -> {
                awaitDone(x, task, call, label, false, false, 0L);
                return call.proceed();
            }
            case "get" -> {
                boolean timed = args == 2;
                long nanos = timed ? BlockingModels.nanos(call, 0) : 0L;
                if (!awaitDone(x, task, call, label, true, timed, nanos)) {
                    throw new TimeoutException("the task did not complete in time");
                }
                return call.proceed();
            }
            case "invoke", "quietlyInvoke" -> {
                point(x, task, call, label);
                if (task instanceof CountedCompleter<?>) {
                    // compute() on this thread, then wait in the model until the completions its
                    // subtasks propagate (tryComplete) reach this task, as the JDK's invoke waits
                    execOnce(task);
                    awaitDone(x, task, call, label, false, false, 0L);
                    return name.equals("invoke") ? task.join() : null;
                }
                return call.proceed(); // compute() on this thread, its points included
            }
            default -> {
                return LibraryOps.modeled(
                        x,
                        call,
                        LibraryOps.isRead(call.name()) ? Access.READ : Access.UPDATE,
                        call::proceed);
            }
        }
    }

    /** {@code ForkJoinTask.invokeAll(t1, t2)}, {@code (ForkJoinTask...)}, {@code (Collection)}. */
    static Object invokeAll(ExploringInterceptor x, LibraryCall call) throws Throwable {
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        Object collection = null;
        if (call.argumentCount() == 1 && call.argument(0) instanceof Collection<?> c) {
            collection = c;
            for (Object t : c) {
                tasks.add((ForkJoinTask<?>) t);
            }
        } else if (call.argumentCount() == 1) {
            for (ForkJoinTask<?> t : (ForkJoinTask<?>[]) call.argument(0)) {
                tasks.add(t);
            }
        } else {
            tasks.add((ForkJoinTask<?>) call.argument(0));
            tasks.add((ForkJoinTask<?>) call.argument(1));
        }
        for (ForkJoinTask<?> t : tasks) {
            if (t == null) {
                throw new NullPointerException("a task given to invokeAll is null");
            }
        }
        if (tasks.isEmpty()) {
            return collection;
        }
        String label = x.label(call.site());
        RunModel r = x.run();
        r.ops++;
        Coordinator.point(null, Access.UPDATE, label);
        ModeledExecutor pool = currentPool(x);
        List<ForkJoinTask<?>> others = tasks.subList(1, tasks.size());
        for (ForkJoinTask<?> t : others) {
            pool.enqueue(new Forked(t), true);
        }
        ForkJoinTask<?> first = tasks.get(0);
        if (first instanceof CountedCompleter<?>) {
            // as invoke does: compute() here, then wait in the model until the completions of
            // its subtasks reach it (the JDK would wait inside its own code)
            execOnce(first);
            awaitDone(x, first, call, label, false, false, 0L);
        } else {
            first.quietlyInvoke();
        }
        if (first.isCompletedAbnormally()) {
            for (ForkJoinTask<?> t : others) {
                t.cancel(false);
            }
            first.join(); // done: rethrows its exception as the JDK reports it
        }
        if (!others.isEmpty()) {
            r.ops++;
            r.block(() -> allDone(others), false, pool.key, label);
        }
        for (ForkJoinTask<?> t : others) {
            if (t.isCompletedAbnormally()) {
                t.join(); // done: rethrows
            }
        }
        return collection;
    }

    // ------------------------------------------------------------------------------ pools

    /** A call on a {@code ForkJoinPool} from instrumented code. */
    static Object poolCall(ExploringInterceptor x, LibraryCall call, ForkJoinPool pool)
            throws Throwable {
        String name = call.name();
        boolean common = pool == ForkJoinPool.commonPool();
        ModeledExecutor model = modelOf(x, pool);
        String label = x.label(call.site());
        RunModel r = x.run();
        switch (name) {
            case "execute" -> {
                Object arg = call.argument(0);
                r.ops++;
                Coordinator.point(model.key, Access.UPDATE, label);
                model.enqueue(arg instanceof ForkJoinTask<?> t ? new Forked(t) : (Runnable) arg);
                return null;
            }
            case "submit", "externalSubmit", "lazySubmit" -> {
                ForkJoinTask<?> t = asTask(call);
                r.ops++;
                Coordinator.point(model.key, Access.UPDATE, label);
                model.enqueue(new Forked(t));
                return t;
            }
            case "invoke" -> {
                ForkJoinTask<?> t = (ForkJoinTask<?>) call.argument(0);
                r.ops++;
                Coordinator.point(model.key, Access.UPDATE, label);
                model.enqueue(new Forked(t));
                r.ops++;
                r.block(t::isDone, false, model.key, label);
                return t.join(); // done: its result, or its exception as the JDK reports it
            }
            case "invokeAll" -> {
                if (call.argumentCount() != 1 && call.argumentCount() != 3) {
                    return call.proceed();
                }
                List<ForkJoinTask<?>> tasks = new ArrayList<>();
                for (Object c : (Collection<?>) call.argument(0)) {
                    tasks.add(ForkJoinTask.adapt((Callable<?>) c));
                }
                r.ops++;
                Coordinator.point(model.key, Access.UPDATE, label);
                for (ForkJoinTask<?> t : tasks) {
                    model.enqueue(new Forked(t));
                }
                boolean timed = call.argumentCount() == 3;
                long nanos =
                        timed ? ((TimeUnit) call.argument(2)).toNanos((Long) call.argument(1)) : 0L;
                r.ops++;
                if (!r.block(() -> allDone(tasks), timed, nanos, model.key, label)) {
                    for (ForkJoinTask<?> t : tasks) {
                        t.cancel(true);
                    }
                }
                return new ArrayList<>(tasks);
            }
            case "invokeAny" -> {
                @SuppressWarnings("unchecked")
                Collection<? extends Callable<Object>> tasks =
                        (Collection<? extends Callable<Object>>) call.argument(0);
                return model.invokeAny(tasks);
            }
            case "shutdown", "shutdownNow" -> {
                if (common) {
                    r.ops++;
                    Coordinator.point(model.key, Access.READ, label); // no effect on the common
                    return name.equals("shutdown") ? null : List.of();
                }
                Object result = name.equals("shutdown") ? shutdown(model) : model.shutdownNow();
                ForkJoinDelays.shutdown(x, model, name.equals("shutdownNow"));
                pool.shutdown(); // so the real pool's own queries agree; it has no threads
                return result;
            }
            case "close" -> {
                if (!common) {
                    model.shutdown();
                    ForkJoinDelays.shutdown(x, model, false);
                    pool.shutdown();
                    model.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                }
                return null;
            }
            case "isShutdown" -> {
                return !common && model.isShutdown();
            }
            case "isTerminated" -> {
                return !common && model.isTerminated();
            }
            case "isQuiescent" -> {
                return model.quiescent();
            }
            case "awaitTermination", "awaitQuiescence" -> {
                long nanos = ((TimeUnit) call.argument(1)).toNanos((Long) call.argument(0));
                if (!common && name.equals("awaitTermination")) {
                    return model.awaitTermination(nanos, TimeUnit.NANOSECONDS);
                }
                r.ops++;
                boolean quiet =
                        r.block(
                                model::quiescent,
                                true,
                                Math.max(0L, nanos),
                                model.key,
                                label,
                                RunModel.Timeout.SAFETY_NET);
                return name.equals("awaitQuiescence") && quiet;
            }
            case "schedule",
                    "scheduleAtFixedRate",
                    "scheduleWithFixedDelay",
                    "submitWithTimeout",
                    "cancelDelayedTasksOnShutdown",
                    "getDelayedTaskCount" -> {
                return ForkJoinDelays.call(x, call, model, common);
            }
            default -> {
                return call.proceed(); // its size, parallelism, statistics: the real pool's
            }
        }
    }

    private static Object shutdown(ModeledExecutor model) {
        model.shutdown();
        return null;
    }

    /** The task {@code submit} queues: the argument itself, or it adapted as the JDK does. */
    private static ForkJoinTask<?> asTask(LibraryCall call) {
        Object arg = call.argument(0);
        Class<?> type = call.methodType().parameterType(0);
        if (arg instanceof ForkJoinTask<?> t && type == ForkJoinTask.class) {
            return t;
        }
        if (type == Callable.class) {
            return ForkJoinTask.adapt((Callable<?>) arg);
        }
        if (call.argumentCount() == 2) {
            return ForkJoinTask.adapt((Runnable) arg, call.argument(1));
        }
        return ForkJoinTask.adapt((Runnable) arg);
    }

    // ------------------------------------------------------------------------------ helpers

    private static void point(
            ExploringInterceptor x, ForkJoinTask<?> task, LibraryCall call, String label) {
        RunModel r = x.run();
        r.ops++;
        Coordinator.point(r.key(task, call.site()), Access.UPDATE, label);
    }

    /**
     * One scheduling point that waits until {@code task} is done, or the caller is interrupted
     * ({@code interruptible}: {@code get}), or the timeout passes ({@code timed}).
     */
    private static boolean awaitDone(
            ExploringInterceptor x,
            ForkJoinTask<?> task,
            LibraryCall call,
            String label,
            boolean interruptible,
            boolean timed,
            long nanos)
            throws InterruptedException {
        RunModel r = x.run();
        ThreadModel me = x.current();
        if (interruptible) {
            ThreadOps.throwIfInterrupted(me);
        }
        r.ops++;
        r.block(
                () -> task.isDone() || (interruptible && me.interrupted()),
                timed,
                nanos,
                r.key(task, call.site()),
                label);
        if (interruptible && !task.isDone()) {
            ThreadOps.throwIfInterrupted(me);
        }
        return task.isDone();
    }

    private static boolean allDone(List<ForkJoinTask<?>> tasks) {
        for (ForkJoinTask<?> t : tasks) {
            if (!t.isDone()) {
                return false;
            }
        }
        return true;
    }
}
