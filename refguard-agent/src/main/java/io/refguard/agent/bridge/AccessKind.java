package io.refguard.agent.bridge;

/**
 * How an intercepted memory operation touches its target. Two operations on the same target are
 * dependent (do not commute) when at least one of them is not a {@link #READ}; an explorer's
 * partial-order reduction relies on exactly that.
 */
public enum AccessKind {
    /** Reads without changing anything: a volatile read, {@code AtomicInteger.get()}. */
    READ,
    /** Writes without reading: a volatile write, {@code AtomicReference.set(v)}. */
    WRITE,
    /** An atomic read-modify-write: a compare-and-set, {@code getAndAdd}, {@code LongAdder.add}. */
    UPDATE
}
