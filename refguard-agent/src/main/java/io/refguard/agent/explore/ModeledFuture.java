package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a task submitted to a {@link ModeledExecutor}: {@code get} blocks in the explorer's
 * model until the task completes (a timed {@code get} times out as any timed wait does: when
 * nothing else can run). Touched only by managed threads holding the baton.
 */
final class ModeledFuture<T> implements RunnableFuture<T> {

    private enum State {
        NEW,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    private final ExploringInterceptor x;
    private final RunModel run;
    private final Callable<T> callable;
    private State state = State.NEW;
    private T result;
    private Throwable failure;
    private ThreadModel runner;

    /**
     * Whether the program read the task's exception ({@code get}), or a model read it for the
     * program ({@code invokeAny}): a failure never read is lost, as in the JDK, and the explorer
     * says so ({@link RunModel#lostTaskFailures}).
     */
    private boolean failureRead;

    ModeledFuture(ExploringInterceptor x, RunModel run, Callable<T> callable) {
        this.x = x;
        this.run = run;
        this.callable = callable;
    }

    @Override
    public void run() {
        if (state != State.NEW) {
            return;
        }
        state = State.RUNNING;
        runner = x.current();
        try {
            T value = callable.call();
            if (state == State.RUNNING) {
                result = value;
                state = State.DONE;
            }
        } catch (Throwable t) {
            if (Coordinator.isAbort(t)) {
                throw (Error) t;
            }
            if (state == State.RUNNING) {
                failure = t;
                state = State.FAILED;
                run.failedTasks().add(this);
            }
        } finally {
            runner = null;
            run.tasksDone++;
        }
    }

    boolean succeeded() {
        return state == State.DONE;
    }

    /** The task's exception is the model's to read, not the program's ({@code invokeAny}). */
    void failureReadByModel() {
        failureRead = true;
    }

    /**
     * The exception the task threw and nobody read, as {@code AssertionError: text at
     * File.java:12}; null when it did not fail or its exception was read.
     */
    String lostFailure() {
        if (state != State.FAILED || failureRead) {
            return null;
        }
        String at = io.refguard.explore.runtime.SourceLocator.locate(failure);
        return failure + (at == null ? "" : " at " + at);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // a step of its own (unless a JDK callback cancels it, where no thread may switch): the
        // runner and the waiters read the state it writes
        run.ops++;
        if (run.libraryDepth == 0) {
            Coordinator.point(run.key(this, "Future#"), Access.UPDATE, "cancel");
        }
        if (isDone()) {
            return false;
        }
        if (state == State.RUNNING && mayInterruptIfRunning && runner != null) {
            runner.interrupted(true);
        }
        state = State.CANCELLED;
        return true;
    }

    @Override
    public boolean isCancelled() {
        return state == State.CANCELLED;
    }

    @Override
    public boolean isDone() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        await(false, 0L);
        return report();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!await(true, Math.max(0L, unit.toNanos(timeout)))) {
            throw new TimeoutException("the task did not complete in time");
        }
        return report();
    }

    private boolean await(boolean timed, long nanos) throws InterruptedException {
        ThreadModel me = x.current();
        ThreadOps.throwIfInterrupted(me);
        run.ops++;
        run.block(
                () -> isDone() || me.interrupted(), timed, nanos, run.key(this, "Future#"), "get");
        if (!isDone()) {
            ThreadOps.throwIfInterrupted(me);
        }
        return isDone();
    }

    private T report() throws ExecutionException {
        return switch (state) {
            case DONE -> result;
            case FAILED -> {
                failureRead = true;
                throw new ExecutionException(failure);
            }
            case CANCELLED -> throw new CancellationException("the task was cancelled");
            default ->
                    throw new IllegalStateException(
                            "[refguard agent internal bug] get() "
                                    + "returned before the task completed");
        };
    }
}
