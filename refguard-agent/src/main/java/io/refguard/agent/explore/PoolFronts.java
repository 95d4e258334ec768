package io.refguard.agent.explore;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code Executors.newFixedThreadPool}, {@code newCachedThreadPool} and {@code
 * newScheduledThreadPool} return under exploration: a {@code ThreadPoolExecutor} (or {@code
 * ScheduledThreadPoolExecutor}), as the JDK documents and programs cast to, that never runs
 * anything itself. It is built with the JDK's parameters for that factory and a thread factory that
 * refuses to make threads, and every executor method, and the statistics, delegate to the modeled
 * pool ({@link ModeledExecutor}, {@link ModeledScheduledExecutor}). So code refguard does not
 * instrument that is handed the pool (the JDK's {@code unconfigurableExecutorService}, an {@code
 * ExecutorCompletionService}) reaches the model too, as it reached the model when the factory
 * returned the model itself. Calls from instrumented code take the route of any pool the program
 * built ({@link DirectPools}), to the same model. The scheduled front leaves {@code execute},
 * {@code submit}, {@code invokeAll} and {@code invokeAny} to {@code ScheduledThreadPoolExecutor},
 * which runs them through {@code schedule}, delegated; the two fronts repeat the rest, as one must
 * extend {@code ThreadPoolExecutor} and the other its subclass. Left to the real pool: {@code
 * getQueue()} (always empty), the limits and policies a program sets after creation, and {@code
 * prestartCoreThread}, which the refusing factory turns into a message.
 */
final class PoolFronts {

    private PoolFronts() {}

    /** A front and the model behind it. */
    interface Front {
        ExecutorService model();
    }

    /** The front for a {@code newFixedThreadPool(threads)} or {@code newCachedThreadPool()}. */
    static ThreadPoolExecutor plain(
            boolean cached, int threads, ThreadFactory refusing, ModeledExecutor model) {
        return cached
                ? new Plain(
                        0,
                        Integer.MAX_VALUE,
                        60L,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        refusing,
                        model)
                : new Plain(
                        threads,
                        threads,
                        0L,
                        TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>(),
                        refusing,
                        model);
    }

    /** The front for a {@code newScheduledThreadPool(threads)}. */
    static ScheduledThreadPoolExecutor scheduled(
            int threads, ThreadFactory refusing, ModeledScheduledExecutor model) {
        return new Scheduled(threads, refusing, model);
    }

    private static final class Plain extends ThreadPoolExecutor implements Front {
        private final ModeledExecutor model;

        Plain(
                int core,
                int max,
                long keepAlive,
                TimeUnit unit,
                java.util.concurrent.BlockingQueue<Runnable> queue,
                ThreadFactory refusing,
                ModeledExecutor model) {
            super(core, max, keepAlive, unit, queue, refusing);
            this.model = model;
        }

        @Override
        public ExecutorService model() {
            return model;
        }

        @Override
        public void execute(Runnable command) {
            model.execute(command);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return model.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return model.submit(task, result);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return model.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
                throws InterruptedException {
            return model.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(
                Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return model.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return model.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return model.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void shutdown() {
            model.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return model.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return model.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return model.isTerminated();
        }

        @Override
        public boolean isTerminating() {
            return model.isShutdown() && !model.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return model.awaitTermination(timeout, unit);
        }

        @Override
        public int getActiveCount() {
            return model.running;
        }

        @Override
        public int getPoolSize() {
            return model.live;
        }

        @Override
        public int getLargestPoolSize() {
            return model.largest;
        }

        @Override
        public long getCompletedTaskCount() {
            return model.completed;
        }

        @Override
        public long getTaskCount() {
            return model.taskCount();
        }

        @Override
        public String toString() {
            return "ThreadPoolExecutor " + model.poolName; // no identity hash: reports repeat
        }
    }

    private static final class Scheduled extends ScheduledThreadPoolExecutor implements Front {
        private final ModeledScheduledExecutor model;

        Scheduled(int threads, ThreadFactory refusing, ModeledScheduledExecutor model) {
            super(threads, refusing);
            this.model = model;
            model.settings = this; // the policies the program sets on this front
        }

        @Override
        public ExecutorService model() {
            return model;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return model.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return model.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(
                Runnable command, long initialDelay, long period, TimeUnit unit) {
            return model.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return model.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            model.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return model.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return model.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return model.isTerminated();
        }

        @Override
        public boolean isTerminating() {
            return model.isShutdown() && !model.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return model.awaitTermination(timeout, unit);
        }

        @Override
        public int getActiveCount() {
            return model.running;
        }

        @Override
        public int getPoolSize() {
            return model.live;
        }

        @Override
        public int getLargestPoolSize() {
            return model.largest;
        }

        @Override
        public long getCompletedTaskCount() {
            return model.completed;
        }

        @Override
        public long getTaskCount() {
            return model.taskCount();
        }

        @Override
        public java.util.concurrent.BlockingQueue<Runnable> getQueue() {
            return model.queueCopy();
        }

        @Override
        public String toString() {
            return "ScheduledThreadPoolExecutor " + model.poolName;
        }
    }
}
