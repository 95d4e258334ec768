package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A {@code ForkJoinPool}'s delayed tasks (JDK 25: {@code schedule}, {@code scheduleAtFixedRate},
 * {@code scheduleWithFixedDelay}, {@code submitWithTimeout}) under exploration, on the run's
 * virtual clock.
 *
 * <p>The JDK keeps them on one thread per pool ({@code <pool>-delayScheduler}), which waits inside
 * the JDK and, when a task's delay has passed, hands it to the pool, whose workers run it. Here
 * that thread is a modeled single-thread scheduler of the pool's model ({@link
 * ModeledScheduledExecutor}): a delay is a timed wait on the virtual clock, and a task that becomes
 * due is queued on the pool's model, so a pool worker runs it as in the JDK. A periodic task's next
 * execution is due only after the previous one ended (never two at once), and stops when an
 * execution throws, the future is cancelled or the pool is shut down. {@code submitWithTimeout}
 * queues its task at once; when the timeout passes first, the timeout action (or, without one, a
 * cancellation) runs on the delay thread. Not modeled: the interrupt of a running task that the JDK
 * sends with a timeout action.
 */
final class ForkJoinDelays {

    private ForkJoinDelays() {}

    /** The delayed tasks of one pool's model in a run. */
    static final class State {
        final ModeledExecutor pool;
        final ModeledScheduledExecutor delays;
        boolean cancelOnShutdown;

        /** The delayed tasks not done yet, which shutdown may cancel. */
        final List<Future<?>> futures = new ArrayList<>();

        State(ExploringInterceptor x, ModeledExecutor pool) {
            this.pool = pool;
            this.delays =
                    new ModeledScheduledExecutor(
                                    x, x.run(), 1, null, pool.poolName + "-delayScheduler")
                            .idleWorkersExit();
        }
    }

    /** The delayed-task state of {@code pool}'s model in this run, made on first use. */
    private static State of(ExploringInterceptor x, ModeledExecutor pool) {
        return x.run().forkJoinDelays.computeIfAbsent(pool, p -> new State(x, p));
    }

    /**
     * {@code pool}'s model was shut down ({@code now}: {@code shutdownNow}, which cancels every
     * delayed task): its periodic tasks stop, and its one-shot tasks that are not due yet are
     * cancelled if {@code cancelDelayedTasksOnShutdown} was called, else still run.
     */
    static void shutdown(ExploringInterceptor x, ModeledExecutor pool, boolean now) {
        State s = x.run().forkJoinDelays.get(pool);
        if (s == null) {
            return;
        }
        for (Future<?> f : new ArrayList<>(s.futures)) {
            if (now || f instanceof Periodic || s.cancelOnShutdown) {
                f.cancel(false);
            }
        }
    }

    /** A JDK 25 delayed-task method of a pool whose model is {@code pool}; its result. */
    static Object call(
            ExploringInterceptor x, LibraryCall call, ModeledExecutor pool, boolean common)
            throws Throwable {
        State s = of(x, pool);
        RunModel r = x.run();
        String name = call.name();
        switch (name) {
            case "cancelDelayedTasksOnShutdown" -> {
                r.ops++;
                Coordinator.point(pool.key, Access.UPDATE, x.label(call.site()));
                s.cancelOnShutdown = true;
                if (pool.shutdown && !common) {
                    shutdown(x, pool, false);
                }
                return null;
            }
            case "getDelayedTaskCount" -> {
                r.ops++;
                Coordinator.point(pool.key, Access.READ, x.label(call.site()));
                return (long) s.pool.delayed;
            }
            default -> {
                // schedule, scheduleAtFixedRate, scheduleWithFixedDelay, submitWithTimeout
            }
        }
        if (pool.shutdown && !common) {
            throw new RejectedExecutionException(
                    "a task was rejected from " + pool.poolName + ": the pool was shut down");
        }
        if (name.equals("submitWithTimeout")) {
            return submitWithTimeout(x, call, s);
        }
        boolean periodic = !name.equals("schedule");
        Object command = Objects.requireNonNull(call.argument(0), "command");
        long first = ((TimeUnit) unit(call, periodic ? 3 : 2)).toNanos((Long) call.argument(1));
        if (!periodic) {
            Callable<?> callable =
                    command instanceof Callable<?> c ? c : Executors.callable((Runnable) command);
            return new OneShot<>(x, s, ForkJoinTask.adapt(callable), first);
        }
        long every = ((TimeUnit) call.argument(3)).toNanos((Long) call.argument(2));
        if (every <= 0) {
            throw new IllegalArgumentException("the period or delay must be positive");
        }
        return new Periodic(
                x,
                s,
                (Runnable) command,
                first,
                name.equals("scheduleAtFixedRate") ? every : -every);
    }

    private static Object unit(LibraryCall call, int i) {
        return Objects.requireNonNull(call.argument(i), "unit");
    }

    @SuppressWarnings("unchecked")
    private static Object submitWithTimeout(ExploringInterceptor x, LibraryCall call, State s) {
        Callable<Object> callable =
                (Callable<Object>) Objects.requireNonNull(call.argument(0), "callable");
        long nanos = ((TimeUnit) unit(call, 2)).toNanos((Long) call.argument(1));
        Consumer<Object> action = (Consumer<Object>) call.argument(3);
        ForkJoinTask<Object> task = ForkJoinTask.adapt(callable);
        s.pool.delayed++;
        s.delays.schedule(
                () -> {
                    s.pool.delayed--;
                    if (!task.isDone()) {
                        if (action == null) {
                            task.cancel(true);
                        } else {
                            action.accept(task);
                        }
                    }
                },
                nanos,
                TimeUnit.NANOSECONDS);
        RunModel r = x.run();
        r.ops++;
        Coordinator.point(s.pool.key, Access.UPDATE, x.label(call.site()));
        s.pool.enqueue(ForkJoinModels.forked(task));
        return task;
    }

    /** The future of a delayed task: its delay on the virtual clock, and how it ends. */
    private abstract static class Future<V> implements ScheduledFuture<V> {
        final ExploringInterceptor x;
        final State s;
        long due;

        Future(ExploringInterceptor x, State s, long delayNanos) {
            this.x = x;
            this.s = s;
            this.due = Coordinator.clockNanos() + Math.max(0L, delayNanos);
            s.futures.add(this);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - Coordinator.clockNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        /** Waits in the model until the task is done (or the timeout passes): whether it is. */
        boolean await(boolean timed, long nanos) throws InterruptedException {
            ThreadModel me = x.current();
            ThreadOps.throwIfInterrupted(me);
            RunModel r = x.run();
            r.ops++;
            r.block(() -> isDone() || me.interrupted(), timed, nanos, s.pool.key, "get");
            if (!isDone()) {
                ThreadOps.throwIfInterrupted(me);
            }
            return isDone();
        }

        abstract V report() throws ExecutionException;

        @Override
        public V get() throws InterruptedException, ExecutionException {
            await(false, 0L);
            return report();
        }

        @Override
        public V get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            if (!await(true, Math.max(0L, unit.toNanos(timeout)))) {
                throw new TimeoutException("the task did not complete in time");
            }
            return report();
        }
    }

    /** {@code schedule}: the task is queued on the pool once its delay has passed. */
    private static final class OneShot<V> extends Future<V> {
        final ForkJoinTask<V> task;
        final ScheduledFuture<?> enable;

        OneShot(ExploringInterceptor x, State s, ForkJoinTask<V> task, long delayNanos) {
            super(x, s, delayNanos);
            this.task = task;
            s.pool.delayed++;
            this.enable = s.delays.schedule(this::enable, delayNanos, TimeUnit.NANOSECONDS);
        }

        private void enable() {
            s.pool.delayed--;
            if (task.isDone()) {
                return; // cancelled before it was due
            }
            if (s.pool.shutdown && s.cancelOnShutdown) {
                task.cancel(false);
                return;
            }
            s.pool.enqueue(ForkJoinModels.forked(task), true);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!enable.isDone() && enable.cancel(false)) {
                s.pool.delayed--;
            }
            return task.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        V report() throws ExecutionException {
            if (task.isCancelled()) {
                throw new CancellationException("the delayed task was cancelled");
            }
            Throwable t = task.getException();
            if (t != null) {
                throw new ExecutionException(t);
            }
            return task.getRawResult();
        }
    }

    /**
     * {@code scheduleAtFixedRate} ({@code period > 0}) or {@code scheduleWithFixedDelay} ({@code
     * period < 0}): each execution is queued on the pool when due, and the next becomes due after
     * it ended.
     */
    private static final class Periodic extends Future<Object> {
        final Runnable command;
        final long period;
        ScheduledFuture<?> next;
        boolean cancelled;
        Throwable failure;

        Periodic(ExploringInterceptor x, State s, Runnable command, long delayNanos, long period) {
            super(x, s, delayNanos);
            this.command = command;
            this.period = period;
            pend(delayNanos);
        }

        private void pend(long delayNanos) {
            s.pool.delayed++;
            next = s.delays.schedule(this::enable, delayNanos, TimeUnit.NANOSECONDS);
        }

        private void enable() {
            s.pool.delayed--;
            if (isDone()) {
                return;
            }
            if (s.pool.shutdown) {
                cancelled = true; // a periodic task's later executions stop at shutdown
                return;
            }
            s.pool.enqueue(this::execute, true);
        }

        private void execute() {
            if (isDone()) {
                return;
            }
            try {
                command.run();
            } catch (Throwable t) {
                if (Coordinator.isAbort(t)) {
                    throw t;
                }
                failure = t;
                return;
            }
            if (isDone() || s.pool.shutdown) {
                cancelled |= failure == null;
                return;
            }
            due = period > 0 ? due + period : Coordinator.clockNanos() - period;
            pend(due - Coordinator.clockNanos());
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return false;
            }
            cancelled = true;
            if (next != null && !next.isDone() && next.cancel(false)) {
                s.pool.delayed--;
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || failure != null;
        }

        @Override
        Object report() throws ExecutionException {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            throw new CancellationException("the periodic task was cancelled");
        }
    }
}
