package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code CompletableFuture}'s timers under exploration: {@code orTimeout}, {@code
 * completeOnTimeout} and {@code delayedExecutor}, on the run's virtual clock.
 *
 * <p>The JDK runs them on one daemon thread of its own ({@code CompletableFutureDelayScheduler}),
 * which waits inside a {@code ScheduledThreadPoolExecutor} where the explorer cannot see it. Here
 * that thread is a modeled single-thread scheduler of the run ({@link ModeledScheduledExecutor},
 * made on first use), so a timeout is a timed wait like any other: it fires when the virtual clock
 * reaches it (when no thread could otherwise go on, or another timeout due earlier moved the clock
 * there; a delay of at most 1 s may also end at once), and both the timely and the timed-out
 * completion are explored. As in the JDK, a future that completes first cancels its timeout, and an
 * idle scheduler ends with the run (its thread is a daemon).
 */
final class CompletableFutureDelays {

    /** The name the JDK gives its delay thread, as the scheduler's pool name. */
    private static final String DELAYER = "CompletableFutureDelayScheduler";

    private CompletableFutureDelays() {}

    /** The run's modeled delay scheduler, made on first use. */
    private static ModeledScheduledExecutor delayer(ExploringInterceptor x) {
        RunModel r = x.run();
        if (r.futureDelayer == null) {
            r.futureDelayer =
                    new ModeledScheduledExecutor(x, r, 1, null, DELAYER).idleWorkersExit();
        }
        return r.futureDelayer;
    }

    /**
     * {@code future.orTimeout(t, unit)} or {@code future.completeOnTimeout(value, t, unit)}: a task
     * due after the timeout completes the future (exceptionally with a {@code TimeoutException}, or
     * with the value) unless it completed before; completing it cancels the task. Returns the
     * future, as the JDK does.
     */
    @SuppressWarnings("unchecked")
    static Object timeout(ExploringInterceptor x, LibraryCall call, CompletableFuture<?> future) {
        boolean withValue = call.name().equals("completeOnTimeout");
        int at = withValue ? 1 : 0;
        long timeout = (Long) call.argument(at);
        TimeUnit unit = Objects.requireNonNull((TimeUnit) call.argument(at + 1), "unit");
        CompletableFuture<Object> f = (CompletableFuture<Object>) future;
        Object value = withValue ? call.argument(0) : null;
        if (f.isDone()) {
            return f;
        }
        ScheduledFuture<?> task =
                delayer(x)
                        .schedule(
                                () -> {
                                    if (withValue) {
                                        f.complete(value);
                                    } else {
                                        f.completeExceptionally(new TimeoutException());
                                    }
                                },
                                timeout,
                                unit);
        f.whenComplete(
                (v, e) -> {
                    if (!task.isDone()) {
                        task.cancel(false);
                    }
                });
        return f;
    }

    /**
     * {@code CompletableFuture.delayedExecutor(delay, unit[, executor])}: an executor that hands
     * each task to {@code executor} (the modeled common pool by default) once the delay, counted
     * from its {@code execute}, has passed on the virtual clock.
     */
    static Executor delayedExecutor(ExploringInterceptor x, LibraryCall call) {
        long delay = (Long) call.argument(0);
        TimeUnit unit = Objects.requireNonNull((TimeUnit) call.argument(1), "unit");
        Executor base;
        if (call.argumentCount() == 3) {
            Object given = Objects.requireNonNull(call.argument(2), "executor");
            base = DirectPools.modelFor(x, (Executor) given, call.site());
        } else {
            base = LibraryOps.asyncPool(x);
        }
        return new Delayed(x, base, unit.toNanos(delay));
    }

    /** The executor {@code delayedExecutor} returns. */
    private static final class Delayed implements Executor {
        private final ExploringInterceptor x;
        private final Executor base;
        private final long nanos;

        Delayed(ExploringInterceptor x, Executor base, long nanos) {
            this.x = x;
            this.base = base;
            this.nanos = nanos;
        }

        @Override
        public void execute(Runnable task) {
            Objects.requireNonNull(task, "task");
            delayer(x).schedule(() -> base.execute(task), nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public String toString() {
            return "delayed executor of " + base;
        }
    }
}
