package io.refguard.agent.bridge;

/** Which parking method of {@link java.util.concurrent.locks.LockSupport} a call site invoked. */
public enum ParkOp {
    /** {@code park()} or {@code park(blocker)}: parks until unparked, interrupted or spuriously. */
    PARK,
    /** {@code parkNanos(...)}: the time argument is a relative timeout in nanoseconds. */
    PARK_NANOS,
    /** {@code parkUntil(...)}: the time argument is an absolute deadline in epoch milliseconds. */
    PARK_UNTIL
}
