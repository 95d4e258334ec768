package io.refguard.agent.explore;

import io.refguard.agent.bridge.ExecutorKind;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The model of {@code Executors.newScheduledThreadPool} and {@code
 * newSingleThreadScheduledExecutor}: a {@link ModeledExecutor} whose tasks may be due later, on the
 * run's virtual clock. Idle workers wait for the earliest due task as a timed wait ({@link
 * RunModel#block}), so a delay passes when nothing else can run and no earlier timeout is due, and
 * the clock moves to the task's due time: nothing really waits.
 *
 * <p>Behaviour follows {@code ScheduledThreadPoolExecutor}: tasks due together run in submission
 * order; {@code shutdown} cancels periodic tasks but still runs delayed one-shot tasks, unless the
 * pool's policies, set on the real pool the program holds ({@link #settings}), say otherwise
 * ({@code setExecuteExistingDelayedTasksAfterShutdownPolicy(false)} cancels the delayed one-shot
 * tasks too, {@code setContinueExistingPeriodicTasksAfterShutdownPolicy(true)} keeps the periodic
 * ones running); a periodic task that throws is not run again and its {@code get} throws;
 * fixed-rate tasks are due at {@code initialDelay + k * period}, fixed-delay tasks {@code delay}
 * after the previous run ends. Touched only by managed threads holding the baton.
 */
final class ModeledScheduledExecutor extends ModeledExecutor implements ScheduledExecutorService {

    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final PriorityQueue<Task<?>> delayed = new PriorityQueue<>();
    private long sequence;

    /**
     * The real pool the program holds and sets this pool's policies on (the one it built, or the
     * front {@code Executors} handed out), read at {@code shutdown}; null for the pools the program
     * cannot configure (timers, delayed executors), which keep the defaults.
     */
    ScheduledThreadPoolExecutor settings;

    /** Whether periodic tasks go on after {@code shutdown}, as {@link #settings} said then. */
    private boolean periodicAfterShutdown;

    /** Whether a worker with nothing scheduled ends, as a timeout does, instead of waiting. */
    private boolean idleWorkersExit;

    ModeledScheduledExecutor(
            ExploringInterceptor x, RunModel run, int threads, ThreadFactory factory, int number) {
        this(x, run, threads, factory, "pool-" + number);
    }

    /** A pool named {@code poolName}, whose workers are {@code poolName-thread-M}. */
    ModeledScheduledExecutor(
            ExploringInterceptor x,
            RunModel run,
            int threads,
            ThreadFactory factory,
            String poolName) {
        super(x, run, ExecutorKind.SCHEDULED, Math.max(1, threads), factory, poolName);
    }

    /**
     * A worker with nothing scheduled ends when nothing else can run, instead of waiting for work
     * forever; a later task starts a new one. For {@code Timer}, whose thread may be a daemon
     * (which the model cannot tell): a program that leaves a timer idle is not a deadlock.
     */
    /**
     * An exception a task let escape that ends its worker, as it ends a {@code java.util.Timer}'s
     * thread ({@link Timers}); thrown by the worker once the task returns. Null otherwise.
     */
    Throwable fatal;

    ModeledScheduledExecutor idleWorkersExit() {
        idleWorkersExit = true;
        return this;
    }

    /**
     * How reports name this pool's one-shot tasks: {@code ScheduledFuture#N} by default, {@code
     * TimerTask#N} for a {@code Timer}'s.
     */
    private String taskName = "ScheduledFuture#";

    ModeledScheduledExecutor tasksNamed(String base) {
        taskName = base;
        return this;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Objects.requireNonNull(command, "command");
        return enqueue(
                new Task<>(Executors.callable(command, null), unit.toNanos(delay), 0), command);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        Objects.requireNonNull(callable, "callable");
        return enqueue(new Task<>(callable, unit.toNanos(delay), 0), callable);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
            Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
            Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, -delay, unit); // negative: after each run ends
    }

    private ScheduledFuture<?> periodic(
            Runnable command, long initialDelay, long period, TimeUnit unit) {
        Objects.requireNonNull(command, "command");
        if (period == 0) {
            throw new IllegalArgumentException("the period must be positive");
        }
        return enqueue(
                new Task<>(
                        Executors.callable(command, null),
                        unit.toNanos(initialDelay),
                        unit.toNanos(period)),
                command);
    }

    /**
     * Queues {@code task}, made for the program's {@code source} (a {@code Runnable} or {@code
     * Callable}), after the subclass's {@code decorateTask}, if any ({@link PoolSubclasses}).
     */
    private <V> Task<V> enqueue(Task<V> task, Object source) {
        run.ops++;
        Coordinator.point(key, Access.UPDATE, "schedule");
        if (hooks != null) {
            decorated(task, source);
        }
        if (shutdown) {
            throw new RejectedExecutionException(
                    "a task was rejected from " + poolName + ": the pool was shut down");
        }
        if (task.once != null) {
            run.key(task.once, taskName); // its steps (cancel, get) name it as the program knows it
        }
        delayed.add(task);
        if (live < maxThreads) {
            startWorker();
        }
        return task;
    }

    /**
     * Calls the subclass's {@code decorateTask(source, task)}, as the JDK's {@code schedule} does;
     * the model can run only its own task, so one decorated into another ends the run.
     */
    private void decorated(Task<?> task, Object source) {
        Object d;
        try {
            d = hooks.decorateTask(hooked, source, task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
        if (d != task) {
            throw Coordinator.lostControl(
                    hooked.getClass().getName()
                            + ".decorateTask returns a task of its own, which refguard's model of"
                            + " the scheduled pool cannot run in place of its own task. Decorate the"
                            + " Runnable or Callable before scheduling it instead, or exclude the"
                            + " class from instrumentation.");
        }
    }

    /** Tasks ever handed to the pool: those still delayed too, as the JDK's queue holds them. */
    @Override
    long taskCount() {
        return super.taskCount() + delayed.size();
    }

    /**
     * What {@code getQueue()} of a scheduled pool shows: a copy of its waiting tasks, those due and
     * those still delayed, in the order they are due; changing it changes nothing.
     */
    java.util.concurrent.BlockingQueue<Runnable> queueCopy() {
        java.util.concurrent.LinkedBlockingQueue<Runnable> copy =
                new java.util.concurrent.LinkedBlockingQueue<>(queue);
        List<Task<?>> later = new ArrayList<>(delayed);
        java.util.Collections.sort(later);
        copy.addAll(later);
        return copy;
    }

    /** Moves the tasks that are due to the queue of runnable tasks, earliest first. */
    private void promote() {
        while (!delayed.isEmpty() && delayed.peek().due <= Coordinator.clockNanos()) {
            queue.addLast(delayed.poll());
        }
    }

    @Override
    void workerLoop() {
        ThreadModel me = x.current();
        try {
            while (true) {
                promote();
                if (queue.isEmpty()) {
                    if (shutdown && delayed.isEmpty()) {
                        return;
                    }
                    Task<?> head = delayed.peek();
                    idle++;
                    try {
                        if (head == null) {
                            BooleanSupplier work =
                                    () -> !queue.isEmpty() || !delayed.isEmpty() || shutdown;
                            run.block(work, idleWorkersExit, IDLE_NANOS, key, takeLabel);
                            if (!work.getAsBoolean()) {
                                return; // an idle timer's worker: see idleWorkersExit
                            }
                        } else {
                            run.block(
                                    () ->
                                            !queue.isEmpty()
                                                    || delayed.peek() != head
                                                    || head.due <= Coordinator.clockNanos(),
                                    true,
                                    head.due - Coordinator.clockNanos(),
                                    key,
                                    takeLabel,
                                    RunModel.Timeout.ELAPSE);
                        }
                    } finally {
                        idle--;
                    }
                    continue;
                }
                Runnable task = queue.pollFirst();
                me.interrupted(false);
                runTask(task);
                Throwable t = fatal;
                if (t != null) {
                    fatal = null;
                    throw ProgramEntry.Sneaky.<RuntimeException>as(t);
                }
            }
        } finally {
            live--;
            if (shutdown && live == 0) {
                ended();
            }
        }
    }

    @Override
    public void shutdown() {
        ScheduledThreadPoolExecutor s = settings;
        boolean delayedAfter = s == null || s.getExecuteExistingDelayedTasksAfterShutdownPolicy();
        periodicAfterShutdown =
                s != null && s.getContinueExistingPeriodicTasksAfterShutdownPolicy();
        super.shutdown();
        delayed.removeIf(
                t -> {
                    if (t.period != 0 ? periodicAfterShutdown : delayedAfter) {
                        return false;
                    }
                    if (t.once != null) {
                        run.libraryDepth++; // part of this step: no point of its own
                        try {
                            t.once.cancel(false);
                        } finally {
                            run.libraryDepth--;
                        }
                    } else {
                        t.cancelled = true;
                    }
                    return true;
                });
    }

    @Override
    List<Runnable> shutdownNow(String label) {
        periodicAfterShutdown = false; // whatever the policy: a running periodic task ends
        List<Runnable> pending = new ArrayList<>(super.shutdownNow(label));
        pending.addAll(delayed);
        delayed.clear();
        return pending;
    }

    /** A task due at a time on the virtual clock; periodic when {@code period != 0}. */
    private final class Task<V> implements java.util.concurrent.RunnableScheduledFuture<V> {
        private final Callable<V> callable;
        private final long period;
        private final long seq = sequence++;
        long due;
        private final ModeledFuture<V> once;
        boolean cancelled;
        private Throwable failure;

        Task(Callable<V> callable, long delayNanos, long period) {
            this.callable = callable;
            this.period = period;
            this.due = Coordinator.clockNanos() + Math.max(0L, delayNanos);
            this.once = period == 0 ? new ModeledFuture<>(x, run, callable) : null;
        }

        @Override
        public void run() {
            if (once != null) {
                once.run();
                return;
            }
            if (isDone()) {
                return;
            }
            try {
                callable.call();
            } catch (Throwable t) {
                if (Coordinator.isAbort(t)) {
                    throw (Error) t;
                }
                failure = t;
                return;
            }
            if (cancelled || shutdown && !periodicAfterShutdown) {
                cancelled = true;
                return;
            }
            due = period > 0 ? due + period : Coordinator.clockNanos() - period;
            delayed.add(this);
        }

        @Override
        public boolean isPeriodic() {
            return period != 0;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - Coordinator.clockNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            if (o instanceof ModeledScheduledExecutor.Task<?> t) {
                int c = Long.compare(due, t.due);
                return c != 0 ? c : Long.compare(seq, t.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (once != null) {
                boolean c = once.cancel(mayInterruptIfRunning);
                if (c) {
                    delayed.remove(this);
                }
                return c;
            }
            // a step of its own (unless a JDK callback cancels it, where no thread may switch):
            // the pool's worker reads what it writes
            run.ops++;
            if (run.libraryDepth == 0) {
                Coordinator.point(key, Access.UPDATE, "cancel a task of");
            }
            if (isDone()) {
                return false;
            }
            cancelled = true;
            delayed.remove(this);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return once != null ? once.isCancelled() : cancelled;
        }

        @Override
        public boolean isDone() {
            return once != null ? once.isDone() : cancelled || failure != null;
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            if (once != null) {
                return once.get();
            }
            ThreadModel me = x.current();
            ThreadOps.throwIfInterrupted(me);
            run.ops++;
            run.block(() -> isDone() || me.interrupted(), false, key, "get");
            return report(me);
        }

        @Override
        public V get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            if (once != null) {
                return once.get(timeout, unit);
            }
            ThreadModel me = x.current();
            ThreadOps.throwIfInterrupted(me);
            run.ops++;
            run.block(
                    () -> isDone() || me.interrupted(),
                    true,
                    Math.max(0L, unit.toNanos(timeout)),
                    key,
                    "get");
            if (!isDone() && !me.interrupted()) {
                throw new TimeoutException("the task did not complete in time");
            }
            return report(me);
        }

        private V report(ThreadModel me) throws InterruptedException, ExecutionException {
            if (!isDone()) {
                ThreadOps.throwIfInterrupted(me);
            }
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            throw new CancellationException("the periodic task was cancelled");
        }

        @Override
        public String toString() {
            return "scheduled task of " + poolName;
        }
    }
}
