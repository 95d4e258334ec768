package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The methods of a {@code ThreadPoolExecutor} beyond the executor interfaces, on a pool whose work
 * runs on a model ({@link DirectPools}): the real pool runs nothing, so its statistics would say 0,
 * its queue would be empty and its settings would not reach the model. Answered from the model
 * instead, each a step on the model:
 *
 * <ul>
 *   <li>the statistics: {@code getActiveCount}, {@code getPoolSize}, {@code getLargestPoolSize},
 *       {@code getCompletedTaskCount}, {@code getTaskCount};
 *   <li>{@code getQueue()}: the model's queue itself ({@link PoolQueue}), with the pool queue's
 *       capacity, so {@code size()} and {@code remainingCapacity()} say what the JDK's would, and a
 *       task put or offered there is queued for the pool's workers; {@code remove(task)} and {@code
 *       purge()} take tasks out of the model's queue;
 *   <li>the settings {@code setCorePoolSize}, {@code setMaximumPoolSize}, {@code setKeepAliveTime},
 *       {@code allowCoreThreadTimeOut} and {@code setRejectedExecutionHandler}: applied to the real
 *       pool, which checks them and throws as the JDK does, then taken over by the model ({@link
 *       ModeledExecutor#resized}).
 * </ul>
 *
 * A scheduled pool ({@code ModeledScheduledExecutor}) counts its delayed tasks in {@code
 * getTaskCount}, and its {@code getQueue()} is a copy of the tasks due and delayed, in the order
 * they are due (the JDK's queue holds both); its shutdown policies are read from the real pool at
 * {@code shutdown}.
 */
final class PoolQueries {

    private static final Set<String> STATISTICS =
            Set.of(
                    "getActiveCount",
                    "getPoolSize",
                    "getLargestPoolSize",
                    "getCompletedTaskCount",
                    "getTaskCount");

    private static final Set<String> SETTINGS =
            Set.of(
                    "setCorePoolSize",
                    "setMaximumPoolSize",
                    "setKeepAliveTime",
                    "allowCoreThreadTimeOut",
                    "setRejectedExecutionHandler");

    private PoolQueries() {}

    /**
     * {@code call} on {@code pool} answered by its model, or {@link BlockingModels#NOT_MODELED}
     * when it is none of the methods above (or the pool is a scheduled one).
     */
    static Object call(ExploringInterceptor x, LibraryCall call, ThreadPoolExecutor pool)
            throws Throwable {
        String name = call.name();
        boolean known =
                call.argumentCount() == 0
                                && (STATISTICS.contains(name)
                                        || name.equals("getQueue")
                                        || name.equals("purge"))
                        || SETTINGS.contains(name)
                        || name.equals("remove") && call.argumentCount() == 1;
        if (!known) {
            return BlockingModels.NOT_MODELED;
        }
        ExecutorService m = DirectPools.modelOf(x, pool, call.site());
        if (!(m instanceof ModeledExecutor model)) {
            return BlockingModels.NOT_MODELED;
        }
        if (SETTINGS.contains(name)) {
            Object result = LibraryOps.modeled(x, call, model, Access.UPDATE, call::proceed);
            model.resized(pool); // after the point: it may start workers
            return result;
        }
        return switch (name) {
            case "getQueue" ->
                    LibraryOps.modeled(
                            x,
                            call,
                            model,
                            Access.READ,
                            () ->
                                    model instanceof ModeledScheduledExecutor s
                                            ? s.queueCopy()
                                            : model.queueView());
            case "remove" ->
                    LibraryOps.modeled(
                            x,
                            call,
                            model,
                            Access.UPDATE,
                            () -> model.queue.removeFirstOccurrence(call.argument(0)));
            case "purge" -> LibraryOps.modeled(x, call, model, Access.UPDATE, () -> purge(model));
            default ->
                    LibraryOps.modeled(x, call, model, Access.READ, () -> statistic(model, name));
        };
    }

    private static Object statistic(ModeledExecutor model, String name) {
        return switch (name) {
            case "getActiveCount" -> Integer.valueOf(model.running);
            case "getPoolSize" -> Integer.valueOf(model.live);
            case "getLargestPoolSize" -> Integer.valueOf(model.largest);
            case "getCompletedTaskCount" -> Long.valueOf(model.completed);
            default -> Long.valueOf(model.taskCount());
        };
    }

    /**
     * {@code purge()}: drops the queued tasks that are futures cancelled since they were queued.
     */
    private static Object purge(ModeledExecutor model) {
        List<Runnable> cancelled = new ArrayList<>();
        for (Runnable task : model.queue) {
            if (task instanceof Future<?> f && f.isCancelled()) {
                cancelled.add(task);
            }
        }
        model.queue.removeAll(cancelled);
        return null;
    }
}
