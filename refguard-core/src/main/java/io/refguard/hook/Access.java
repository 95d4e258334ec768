package io.refguard.hook;

/**
 * How an operation touches its target object. The explorer records this for every step so that a
 * partial-order reduction can tell which steps commute: two steps are dependent when they touch the
 * same target and at least one of them is not a {@link #READ}.
 */
public enum Access {
    /** Reads shared state without changing it (a volatile read, a snapshot lookup). */
    READ,
    /** Writes shared state without reading it (a volatile write, a publish). */
    WRITE,
    /** An atomic read-modify-write (a count increment, a compare-and-set, a swap). */
    UPDATE
}
