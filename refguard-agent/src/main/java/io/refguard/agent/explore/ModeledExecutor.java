package io.refguard.agent.explore;

import io.refguard.agent.bridge.ExecutorKind;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The model of a fixed, cached or single-thread pool created by the explored code. The JDK's pools
 * park idle workers inside their queue, where the explorer cannot see them; this model keeps the
 * queue itself and blocks idle workers through {@link RunModel#block}, so every worker is an actor
 * the explorer schedules. Futures are {@link ModeledFuture}s, whose {@code get} blocks the same
 * way.
 *
 * <p>Behaviour follows {@code ThreadPoolExecutor}: a new worker per task until the pool size is
 * reached (cached: while no worker is idle); tasks taken in submission order, each run after a step
 * of its own ({@link #runTask}); {@code shutdown} lets queued tasks finish and rejects new ones
 * with {@link RejectedExecutionException}; {@code shutdownNow} drains the queue and interrupts
 * running tasks. An idle cached worker times out (as a timed wait does: when nothing else can run).
 * A fixed pool that is never shut down keeps its workers waiting, which ends the run as a deadlock:
 * the real program would not exit. Workers are named {@code pool-N-thread-M}, N counted per run,
 * unless the code gave a factory. A thread-per-task executor (JDK 21+, virtual or with a factory)
 * starts a new thread from its factory for every task and never reuses one.
 *
 * <p>Concurrency: touched only by managed threads holding the baton.
 */
class ModeledExecutor extends AbstractExecutorService {

    /** How long an idle cached worker lives, as in {@code Executors.newCachedThreadPool}. */
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(60);

    final ExploringInterceptor x;
    final RunModel run;
    final ExecutorKind kind;
    final int maxThreads;
    private final ThreadFactory factory;
    final LockModel key;
    final String takeLabel;

    /** The label of the step between taking a task and running it ({@link #runTask}). */
    final String runLabel;

    final String poolName;

    private final String workerName;

    final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final List<ThreadModel> workers = new ArrayList<>();
    int idle;
    int live;
    private int created;

    /**
     * Workers running a task now, the most workers ever live, tasks run to their end: the pool's
     * statistics ({@code getActiveCount}, {@code getLargestPoolSize}, {@code
     * getCompletedTaskCount}).
     */
    int running;

    int largest;
    long completed;

    private PoolQueue queueView;

    /** The queue {@code getQueue()} hands out: {@link #queue}, behind a view, made once. */
    PoolQueue queueView() {
        PoolQueue v = queueView;
        if (v == null) {
            queueView = v = new PoolQueue(this);
        }
        return v;
    }

    /** Tasks ever handed to the pool, as {@code ThreadPoolExecutor.getTaskCount} counts them. */
    long taskCount() {
        return completed + running + queue.size();
    }

    boolean shutdown;

    /**
     * The hooks of the program's subclass of {@code ThreadPoolExecutor} this pool models ({@link
     * PoolSubclasses}), and that pool; null for a JDK pool or a subclass that overrides none.
     */
    PoolSubclasses.Hooks hooks;

    java.util.concurrent.ThreadPoolExecutor hooked;

    /** Whether the subclass's {@code terminated()} hook has returned. */
    private boolean terminatedHookRan;

    /**
     * The limits of a {@code ThreadPoolExecutor} the program built directly ({@link DirectPools}),
     * or of one it resized ({@link #resized}); null for the pools of {@code Executors} as made.
     */
    Bounds bounds;

    /**
     * A directly built pool's core and maximum sizes, its queue's capacity (0: a {@code
     * SynchronousQueue}, which takes a task only when a worker waits for one), how long a worker
     * beyond the core (or any, when core threads time out) waits idle before it ends, and what it
     * does with a task it cannot take: the JDK's four policies are modeled, another handler is
     * called with the real pool.
     */
    record Bounds(
            int core,
            int max,
            int capacity,
            long keepAliveNanos,
            boolean coreTimesOut,
            java.util.concurrent.RejectedExecutionHandler handler,
            java.util.concurrent.ThreadPoolExecutor pool) {

        /** The limits {@code pool} has now. */
        static Bounds of(java.util.concurrent.ThreadPoolExecutor pool) {
            return new Bounds(
                    pool.getCorePoolSize(),
                    pool.getMaximumPoolSize(),
                    pool.getQueue().remainingCapacity(),
                    pool.getKeepAliveTime(TimeUnit.NANOSECONDS),
                    pool.allowsCoreThreadTimeOut(),
                    pool.getRejectedExecutionHandler(),
                    pool);
        }
    }

    /**
     * Takes the limits {@code pool} has after the program changed them ({@code setCorePoolSize},
     * {@code setMaximumPoolSize}, {@code setKeepAliveTime}, {@code allowCoreThreadTimeOut}, {@code
     * setRejectedExecutionHandler}), and as {@code setCorePoolSize} does, starts a worker per
     * queued task up to the new core size. From then on the pool takes tasks as a directly built
     * one ({@link #offer}), which is how the JDK's pools behind {@code newFixedThreadPool} and
     * {@code newCachedThreadPool} take them too. Workers idle beyond a smaller size stay until
     * shutdown.
     */
    void resized(java.util.concurrent.ThreadPoolExecutor pool) {
        bounds = Bounds.of(pool);
        int start = Math.min(bounds.core() - live, queue.size() - idle);
        for (int i = 0; i < start && !shutdown; i++) {
            startWorker();
        }
    }

    /**
     * Tasks scheduled on this pool that are not due yet (a {@code ForkJoinPool}'s delayed tasks,
     * {@link ForkJoinDelays}): the pool terminates only after them, as the JDK's does.
     */
    int delayed;

    ModeledExecutor(
            ExploringInterceptor x,
            RunModel run,
            ExecutorKind kind,
            int threads,
            ThreadFactory factory,
            int number) {
        this(x, run, kind, threads, factory, "pool-" + number);
    }

    /** A pool named {@code poolName}, whose workers are {@code poolName-thread-M}. */
    ModeledExecutor(
            ExploringInterceptor x,
            RunModel run,
            ExecutorKind kind,
            int threads,
            ThreadFactory factory,
            String poolName) {
        this(x, run, kind, threads, factory, poolName, poolName + "-thread-", null);
    }

    /** A directly built pool with its {@code bounds}, named {@code pool-number}. */
    ModeledExecutor(ExploringInterceptor x, RunModel run, Bounds bounds, int number) {
        this(
                x,
                run,
                ExecutorKind.FIXED,
                bounds.max(),
                null,
                "pool-" + number,
                "pool-" + number + "-thread-",
                bounds);
    }

    /** A pool named {@code poolName}, whose workers are {@code workerName} followed by a number. */
    ModeledExecutor(
            ExploringInterceptor x,
            RunModel run,
            ExecutorKind kind,
            int threads,
            ThreadFactory factory,
            String poolName,
            String workerName,
            Bounds bounds) {
        this.x = x;
        this.bounds = bounds;
        this.workerName = workerName;
        this.run = run;
        this.kind = kind;
        this.maxThreads =
                kind == ExecutorKind.CACHED || kind == ExecutorKind.PER_TASK
                        ? Integer.MAX_VALUE
                        : threads;
        this.factory = factory;
        this.poolName = poolName;
        this.key = run.key(this, poolName);
        this.takeLabel = "take a task from " + poolName;
        this.runLabel = "run a task from " + poolName;
    }

    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        if (run.libraryDepth > 0) {
            // submitted from inside a JDK call (a CompletableFuture completing its dependents):
            // queued when that call returns, since no scheduling point may happen inside it
            run.defer(() -> execute(command));
            return;
        }
        run.ops++;
        Coordinator.point(key, Access.UPDATE, "execute");
        if (bounds == null) {
            if (!shutdown && startsWorkerFor(command)) {
                return;
            }
            enqueue(command);
        } else {
            offer(command);
        }
    }

    /**
     * As the {@code ThreadPoolExecutor} behind {@code newFixedThreadPool}, {@code
     * newSingleThreadExecutor} and {@code newCachedThreadPool}: below its core size (the fixed
     * size) a pool starts a new worker with the task as its first, even when others are idle, and a
     * cached pool does so when no worker is idle to take the task from its synchronous queue. That
     * task runs on the new worker, never on another one that finished its task first.
     */
    private boolean startsWorkerFor(Runnable command) {
        if (parallelism != Integer.MAX_VALUE) {
            return false; // queued, so that tasks start in the order they came ({@link #awaitTurn})
        }
        boolean fresh =
                switch (kind) {
                    case FIXED, SINGLE -> live < maxThreads;
                    case CACHED -> idle == 0 && live < maxThreads;
                    default -> false;
                };
        if (fresh) {
            startWorker(command);
        }
        return fresh;
    }

    /**
     * {@code ThreadPoolExecutor.execute} within {@link #bounds}: a new worker for the task while
     * the pool is below its core size, else the queue while it has room, else a new worker up to
     * the maximum size, else the rejection policy; after {@code shutdown}, the policy at once.
     */
    private void offer(Runnable command) {
        Bounds b = bounds;
        if (!shutdown) {
            if (live < b.core()) {
                startWorker(command);
                return;
            }
            boolean room = b.capacity() == 0 ? queue.size() < idle : queue.size() < b.capacity();
            if (room) {
                queue.addLast(command);
                if (live == 0) {
                    startWorker(null);
                }
                return;
            }
            if (live < b.max()) {
                startWorker(command);
                return;
            }
        }
        reject(command);
    }

    /** The pool's rejection policy for {@code command}, run by the submitting thread. */
    private void reject(Runnable command) {
        java.util.concurrent.RejectedExecutionHandler h = bounds.handler();
        Class<?> policy = h.getClass();
        if (policy == java.util.concurrent.ThreadPoolExecutor.AbortPolicy.class) {
            // the task is not named: its toString() would carry an identity hash, different in
            // every run, and reports must repeat
            throw new RejectedExecutionException(
                    "a task was rejected from "
                            + poolName
                            + (shutdown
                                    ? ": the pool was shut down"
                                    : ": its queue is full ("
                                            + bounds.capacity()
                                            + ") and its "
                                            + bounds.max()
                                            + " threads are busy (AbortPolicy)"));
        } else if (policy == java.util.concurrent.ThreadPoolExecutor.DiscardPolicy.class) {
            return;
        } else if (policy == java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy.class) {
            if (!shutdown) {
                command.run();
            }
        } else if (policy == java.util.concurrent.ThreadPoolExecutor.DiscardOldestPolicy.class) {
            if (!shutdown && queue.pollFirst() != null) {
                offer(command);
            }
        } else {
            h.rejectedExecution(command, bounds.pool());
        }
    }

    /**
     * Queues {@code command} and starts a worker for it if the pool has room and no idle worker,
     * with no scheduling point: the caller made the operation's point.
     */
    void enqueue(Runnable command) {
        enqueue(command, false);
    }

    /**
     * As {@link #enqueue(Runnable)}; {@code evenIfShutdown} accepts the task after {@code
     * shutdown}, as a {@code ForkJoinPool} accepts a fork from a task it still runs.
     */
    void enqueue(Runnable command, boolean evenIfShutdown) {
        if (shutdown && !evenIfShutdown) {
            // the task is not named: its toString() would carry an identity hash, different in
            // every run, and reports must repeat
            throw new RejectedExecutionException(
                    "a task was rejected from " + poolName + ": the pool was shut down");
        }
        queue.addLast(command);
        if (kind == ExecutorKind.PER_TASK || (live < maxThreads && queue.size() > idle)) {
            startWorker();
        }
    }

    void startWorker() {
        startWorker(null);
    }

    /** Starts a worker that runs {@code first} (when not null) before it takes queued tasks. */
    private void startWorker(Runnable first) {
        created++;
        Runnable loop = first == null ? this::workerLoop : () -> workerLoop(first);
        Thread t =
                factory != null ? factory.newThread(loop) : new Thread(loop, workerName + created);
        if (t == null) {
            throw new RejectedExecutionException(
                    "the thread factory of " + poolName + " returned no thread");
        }
        if (ThreadOps.isVirtual(t)) {
            // a virtual thread's run() does not run its task; a factory the explored code did not
            // make (a static one) did not tell it, and the JDK's factories run exactly `loop`
            run.tasks.putIfAbsent(t, loop);
        }
        live++;
        largest = Math.max(largest, live);
        workers.add(ThreadOps.startForPool(x, t));
    }

    void workerLoop() {
        workerLoop(null);
    }

    /** A worker's life: {@code first} (when not null), then queued tasks until it ends. */
    private void workerLoop(Runnable first) {
        ThreadModel me = x.current();
        try {
            if (first != null) {
                runTask(first);
            }
            if (kind == ExecutorKind.PER_TASK) {
                Runnable task = queue.pollFirst(); // null: drained by shutdownNow
                if (task != null) {
                    runTask(task);
                }
                return;
            }
            while (true) {
                if (queue.isEmpty() && !shutdown) {
                    Bounds b = bounds;
                    boolean timed =
                            b == null
                                    ? kind == ExecutorKind.CACHED
                                    : live > b.core() || b.coreTimesOut();
                    idle++;
                    try {
                        run.block(
                                () -> !queue.isEmpty() || shutdown,
                                timed,
                                b == null ? KEEP_ALIVE_NANOS : b.keepAliveNanos(),
                                key,
                                takeLabel);
                    } finally {
                        idle--;
                    }
                }
                Runnable task = queue.pollFirst();
                if (task == null) {
                    return; // shut down and drained, or an idle cached worker timed out
                }
                me.interrupted(false); // as ThreadPoolExecutor: a stale interrupt is cleared
                if (parallelism == Integer.MAX_VALUE) {
                    runTask(task);
                } else {
                    awaitTurn(me);
                    try {
                        runTask(task);
                    } finally {
                        busy.remove(me);
                    }
                }
            }
        } finally {
            live--;
            if (shutdown && live == 0) {
                ended();
            }
        }
    }

    /**
     * The pool just ended its last worker after shutdown, or was shut down with none: runs the
     * subclass's {@code terminated()} hook, once, on the calling thread, as the JDK does.
     */
    void ended() {
        if (hooks == null || terminatedHookRan) {
            return;
        }
        try {
            hooks.terminated(hooked);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        } finally {
            terminatedHookRan = true;
        }
    }

    /**
     * Runs {@code task}, which the calling worker just took, after a scheduling point of its own: a
     * real worker may stall between taking a task and running it, so another worker can run a later
     * task to its end first, and a task whose body has no point does not always complete in
     * submission order.
     */
    void runTask(Runnable task) {
        run.ops++;
        Coordinator.point(key, Access.UPDATE, runLabel);
        running++;
        PoolSubclasses.Hooks h = hooks;
        Throwable thrown = null;
        try {
            if (h != null) {
                h.beforeExecute(hooked, x.current().thread, task);
            }
            task.run();
        } catch (RuntimeException | Error e) {
            thrown = e;
            throw e;
        } catch (Throwable t) { // a hook's checked exception, thrown sneakily
            thrown = t;
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        } finally {
            running--;
            completed++; // as ThreadPoolExecutor counts a task that threw
            if (h != null) {
                afterExecute(h, task, thrown);
            }
        }
    }

    /** The subclass's {@code afterExecute(task, thrown)}, on the worker that ran the task. */
    private void afterExecute(PoolSubclasses.Hooks h, Runnable task, Throwable thrown) {
        try {
            h.afterExecute(hooked, task, thrown);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
    }

    /**
     * How many tasks the pool runs at once, not counting those whose worker is blocked: a {@code
     * ForkJoinPool} built with a parallelism of the program's choosing ({@link ForkJoinModels});
     * {@link Integer#MAX_VALUE}, no limit, for every other pool.
     */
    int parallelism = Integer.MAX_VALUE;

    /** The workers of a pool with a {@link #parallelism} that run a task now. */
    private final List<ThreadModel> busy = new ArrayList<>();

    /** Turns of the workers that took a task and wait to run it, in the order they took them. */
    private final ArrayDeque<Long> turns = new ArrayDeque<>();

    private long lastTurn;

    /**
     * Waits, with the task the calling worker just took, until the tasks taken before it have
     * started and fewer than {@link #parallelism} running tasks could go on: a worker blocked in
     * its task (a join, a latch, a lock) leaves its place to another, as the JDK's pool does with a
     * spare worker for a blocked join. Then counts the worker as busy.
     */
    private void awaitTurn(ThreadModel me) {
        long turn = ++lastTurn;
        turns.addLast(turn);
        try {
            run.block(
                    () -> turns.peekFirst() == turn && goingOn() < parallelism,
                    false,
                    0,
                    key,
                    "wait for a free worker of " + poolName + " (parallelism " + parallelism + ")");
        } finally {
            turns.remove(turn);
        }
        busy.add(me);
    }

    /** The busy workers that could go on now: not blocked, or woken. */
    private int goingOn() {
        int n = 0;
        for (ThreadModel w : busy) {
            if (w.handle != null && Coordinator.canGoOn(w.handle)) {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code t} is one of this pool's workers. */
    boolean hasWorker(ThreadModel t) {
        return workers.contains(t);
    }

    /** No task is queued and every live worker is idle. */
    boolean quiescent() {
        return queue.isEmpty() && live == idle;
    }

    /** Workers waiting in {@code ForkJoinTask.helpQuiesce()}: they count as idle for each other. */
    int quiescing;

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new ModeledFuture<>(
                x,
                run,
                () -> {
                    runnable.run();
                    return value;
                });
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new ModeledFuture<>(x, run, callable);
    }

    @Override
    public void shutdown() {
        run.ops++;
        Coordinator.point(key, Access.UPDATE, "shutdown");
        shutdown = true;
        if (live == 0) {
            ended();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        return shutdownNow("shutdownNow");
    }

    /**
     * {@link #shutdownNow()} as a step labelled {@code label}: a model of another API's call that
     * does the same ({@code Timer.cancel}) names that call.
     */
    List<Runnable> shutdownNow(String label) {
        run.ops++;
        Coordinator.point(key, Access.UPDATE, label);
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(queue);
        queue.clear();
        for (ThreadModel w : workers) {
            if (!w.finished()) {
                w.interrupted(true);
            }
        }
        if (live == 0) {
            ended();
        }
        return pending;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && live == 0 && delayed == 0 && (hooks == null || terminatedHookRan);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        ThreadModel me = x.current();
        ThreadOps.throwIfInterrupted(me);
        run.ops++;
        run.block(
                () -> isTerminated() || me.interrupted(),
                true,
                Math.max(0L, unit.toNanos(timeout)),
                key,
                "awaitTermination",
                RunModel.Timeout.SAFETY_NET);
        if (!isTerminated()) {
            ThreadOps.throwIfInterrupted(me);
        }
        return isTerminated();
    }

    /**
     * Runs the tasks and returns the first result of one that completes normally; waits for them in
     * the model (the JDK's version waits in a queue the explorer cannot see).
     */
    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
            throws InterruptedException, ExecutionException {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("invokeAny needs at least one task");
        }
        List<ModeledFuture<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            ModeledFuture<T> f = new ModeledFuture<>(x, run, task);
            f.failureReadByModel(); // invokeAny drops the failures of all but the last task
            futures.add(f);
            execute(f);
        }
        ThreadModel me = x.current();
        run.block(
                () -> me.interrupted() || anySucceeded(futures) || allDone(futures),
                false,
                key,
                "invokeAny");
        ThreadOps.throwIfInterrupted(me);
        ExecutionException last = null;
        for (ModeledFuture<T> f : futures) {
            if (f.succeeded()) {
                for (ModeledFuture<T> other : futures) {
                    other.cancel(true);
                }
                return f.get();
            }
        }
        for (ModeledFuture<T> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException {
        return invokeAny(tasks);
    }

    private static boolean anySucceeded(List<? extends ModeledFuture<?>> futures) {
        for (ModeledFuture<?> f : futures) {
            if (f.succeeded()) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDone(List<? extends ModeledFuture<?>> futures) {
        for (ModeledFuture<?> f : futures) {
            if (!f.isDone()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return poolName
                + " (modeled "
                + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " pool"
                + (shutdown ? ", shut down" : "")
                + ")";
    }
}
