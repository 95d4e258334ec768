package io.refguard.agent.explore;

import io.refguard.agent.bridge.ExecutorKind;
import io.refguard.agent.bridge.LibraryCall;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * {@code ThreadPoolExecutor} and {@code ScheduledThreadPoolExecutor} built directly by the program
 * ({@code new ThreadPoolExecutor(...)}), under exploration. The real pool is never used to run
 * anything: its idle workers would park inside the JDK, where the explorer cannot see them (the
 * factory the agent gives it refuses to make threads, with a message). Instead, the first call from
 * instrumented code on the pool in a run attaches a modeled pool to it ({@link ModeledExecutor},
 * {@link ModeledScheduledExecutor}), and every {@code ExecutorService} or {@code
 * ScheduledExecutorService} method called on the real pool runs on the model, and so do its
 * statistics, queue and settings ({@link PoolQueries}); its other methods are the real ones. A pool
 * passed to JDK code ({@code CompletableFuture.supplyAsync(task, pool)}) is replaced by its model
 * in that call.
 *
 * <p>The model keeps the pool's limits as {@code ThreadPoolExecutor.execute} applies them ({@link
 * ModeledExecutor.Bounds}): its core and maximum sizes, its queue's capacity (a {@code
 * SynchronousQueue} takes a task only when a worker waits), the keep-alive time of idle workers,
 * and its rejection policy, the JDK's four run by the model itself, also as changed later, and the
 * hooks of the program's subclass ({@link PoolSubclasses}). Not modeled: a custom handler's use of
 * the real pool's queue.
 */
final class DirectPools {

    private DirectPools() {}

    /** The type of {@code Executor.execute}. */
    private static final java.lang.invoke.MethodType EXECUTE =
            java.lang.invoke.MethodType.methodType(void.class, Runnable.class);

    /**
     * What an {@code Executors} factory returns under exploration: for {@code newFixedThreadPool},
     * {@code newCachedThreadPool} and {@code newScheduledThreadPool}, whose result the JDK
     * documents as a {@code ThreadPoolExecutor} (or {@code ScheduledThreadPoolExecutor}) and
     * programs cast to one, a front of that class over {@code model} ({@link PoolFronts}), attached
     * to it as a pool the program built; for the others, whose results the JDK wraps, {@code model}
     * itself.
     */
    static ExecutorService behindRealPool(
            ExploringInterceptor x,
            ExecutorKind kind,
            int threads,
            ExecutorService model,
            int site) {
        java.util.concurrent.ThreadFactory refusing = x.threadFactory(null, site);
        ThreadPoolExecutor front =
                switch (kind) {
                    case FIXED, CACHED ->
                            PoolFronts.plain(
                                    kind == ExecutorKind.CACHED,
                                    threads,
                                    refusing,
                                    (ModeledExecutor) model);
                    case SCHEDULED ->
                            PoolFronts.scheduled(
                                    threads, refusing, (ModeledScheduledExecutor) model);
                    default -> null;
                };
        if (front == null) {
            return model;
        }
        x.run().key(front, site).state = model;
        return front;
    }

    /**
     * The model standing for {@code executor} in this run when it is a JDK pool ({@code
     * ForkJoinPool}, the common pool too, or {@code ThreadPoolExecutor}) or a front ({@link
     * PoolFronts}); else {@code executor} itself (null, or the program's own, which is
     * instrumented).
     */
    static Executor modelFor(ExploringInterceptor x, Executor executor, int site) {
        if (executor instanceof PoolFronts.Front f) {
            return f.model();
        }
        if (executor instanceof ThreadPoolExecutor pool
                && PoolSubclasses.inherits(pool, "execute", EXECUTE)) {
            return modelOf(x, pool, site); // the program's subclass, for its hooks
        }
        if (executor == null || executor.getClass().getClassLoader() != null) {
            return executor;
        }
        if (executor instanceof ForkJoinPool fj) {
            return ForkJoinModels.modelOf(x, fj);
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            return modelOf(x, pool, site);
        }
        return executor;
    }

    /** The model attached to {@code pool} in this run, made on first use. */
    static ExecutorService modelOf(ExploringInterceptor x, ThreadPoolExecutor pool, int site) {
        RunModel r = x.run();
        LockModel k = r.key(pool, site);
        if (k.state == null) {
            int core = pool.getCorePoolSize();
            if (pool instanceof ScheduledThreadPoolExecutor) {
                ModeledScheduledExecutor m =
                        new ModeledScheduledExecutor(x, r, core, null, r.nextPool());
                m.hooks = PoolSubclasses.hooks(pool);
                m.hooked = pool;
                m.settings = (ScheduledThreadPoolExecutor) pool;
                k.state = m;
            } else {
                ModeledExecutor m =
                        new ModeledExecutor(x, r, ModeledExecutor.Bounds.of(pool), r.nextPool());
                m.hooks = PoolSubclasses.hooks(pool);
                m.hooked = pool;
                k.state = m;
            }
        }
        return (ExecutorService) k.state;
    }

    /**
     * The call on {@code pool} made on its model, when it is a method of the executor interfaces;
     * else {@link BlockingModels#NOT_MODELED}.
     */
    static Object call(ExploringInterceptor x, LibraryCall call, ThreadPoolExecutor pool)
            throws Throwable {
        Class<?> api =
                pool instanceof ScheduledThreadPoolExecutor
                        ? ScheduledExecutorService.class
                        : ExecutorService.class;
        MethodHandle m;
        try {
            m = MethodHandles.publicLookup().findVirtual(api, call.name(), call.methodType());
        } catch (NoSuchMethodException | IllegalAccessException notAnExecutorMethod) {
            return PoolQueries.call(x, call, pool);
        }
        ExecutorService model = modelOf(x, pool, call.site());
        if (call.name().equals("submit")
                && model instanceof ModeledExecutor modeled
                && !(pool instanceof ScheduledThreadPoolExecutor)
                && PoolSubclasses.overrides(pool, "execute", EXECUTE)) {
            return submitThroughOverride(call, pool, modeled);
        }
        Object[] args = new Object[call.argumentCount() + 1];
        args[0] = model;
        for (int i = 1; i < args.length; i++) {
            args[i] = call.argument(i - 1);
        }
        Object result = m.invokeWithArguments(args);
        if ((call.name().equals("shutdown") || call.name().equals("shutdownNow"))
                && !(pool instanceof PoolFronts.Front)) {
            pool.shutdown(); // so the real pool's own queries agree; it has no threads to stop
        }
        return result;
    }

    /**
     * {@code submit} on the program's subclass that overrides {@code execute}: as the JDK's {@code
     * AbstractExecutorService.submit}, the model's future for the task, handed to the program's
     * {@code execute} (which wraps it, say, and calls {@code super.execute}).
     */
    private static Object submitThroughOverride(
            LibraryCall call, ThreadPoolExecutor pool, ModeledExecutor model) {
        Object task = call.argument(0);
        if (task == null) {
            throw new NullPointerException("the task is null");
        }
        java.util.concurrent.RunnableFuture<?> future =
                task instanceof java.util.concurrent.Callable<?> c
                        ? model.newTaskFor(c)
                        : model.newTaskFor(
                                (Runnable) task,
                                call.argumentCount() > 1 ? call.argument(1) : null);
        pool.execute(future);
        return future;
    }

    /**
     * The index of an argument that is a JDK {@code ThreadPoolExecutor} or {@code ForkJoinPool}
     * (the common pool too) passed as an {@code Executor} (to JDK code, such as {@code
     * CompletableFuture.supplyAsync(task, pool)}), or -1.
     */
    static int poolArgument(LibraryCall call) {
        for (int i = 0; i < call.argumentCount(); i++) {
            Object a = call.argument(i);
            if ((a instanceof ThreadPoolExecutor || a instanceof ForkJoinPool)
                    && (a.getClass().getClassLoader() == null
                            || a instanceof PoolFronts.Front
                            || PoolSubclasses.inherits(a, "execute", EXECUTE))
                    && Executor.class.isAssignableFrom(call.methodType().parameterType(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The call with its argument {@code i}, a pool, replaced by the pool's model. */
    static Object replacing(ExploringInterceptor x, LibraryCall call, int i) throws Throwable {
        Object pool = call.argument(i);
        return call.proceedReplacing(
                i,
                pool instanceof ForkJoinPool fj
                        ? ForkJoinModels.modelOf(x, fj)
                        : modelOf(x, (ThreadPoolExecutor) pool, call.site()));
    }
}
