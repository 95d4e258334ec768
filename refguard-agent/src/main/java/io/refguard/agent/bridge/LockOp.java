package io.refguard.agent.bridge;

/** Which acquiring method of {@link java.util.concurrent.locks.Lock} a call site invoked. */
public enum LockOp {
    /** {@code lock()}: blocks until acquired, ignores interrupts. */
    LOCK,
    /** {@code lockInterruptibly()}: blocks until acquired or interrupted. */
    LOCK_INTERRUPTIBLY,
    /** {@code tryLock()}: acquires only when free right now. */
    TRY_LOCK,
    /** {@code tryLock(time, unit)}: blocks at most the given time, or until interrupted. */
    TRY_LOCK_TIMED
}
