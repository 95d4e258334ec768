package io.refguard.agent.bridge;

/** Which acquiring method of {@link java.util.concurrent.Semaphore} a call site invoked. */
public enum AcquireOp {
    /** {@code acquire()} or {@code acquire(permits)}: blocks until acquired or interrupted. */
    ACQUIRE,
    /** {@code acquireUninterruptibly()} or with a permit count: blocks, ignores interrupts. */
    ACQUIRE_UNINTERRUPTIBLY,
    /** {@code tryAcquire()} or with a permit count: acquires only when available right now. */
    TRY_ACQUIRE,
    /** {@code tryAcquire(time, unit)} or with a permit count: blocks at most the given time. */
    TRY_ACQUIRE_TIMED
}
