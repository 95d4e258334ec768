package io.refguard.agent.bridge;

/**
 * Which waiting method of {@link java.util.concurrent.locks.Condition} a call site invoked, and so
 * how {@link SyncInterceptor#await} encodes its result.
 */
public enum AwaitOp {
    /** {@code await()}; the result is ignored. */
    AWAIT,
    /** {@code awaitUninterruptibly()}; the result is ignored. */
    AWAIT_UNINTERRUPTIBLY,
    /** {@code awaitNanos(nanos)}; the result is the remaining nanoseconds, as the API defines. */
    AWAIT_NANOS,
    /**
     * {@code await(time, unit)}; the result is 1 when signalled before the time elapsed, else 0.
     */
    AWAIT_TIMED,
    /** {@code awaitUntil(deadline)}; the result is 1 when signalled before the deadline, else 0. */
    AWAIT_UNTIL
}
