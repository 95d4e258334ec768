package io.refguard;

/**
 * How much checking a new {@link RefCounted} object gets. Decided once, when the object is
 * constructed, from the thread's open {@link LeakScope} if any, else from {@link RefGuard#mode()}.
 */
public enum CheckMode {
    /**
     * No tracking: {@code acquire()} and {@code share()} return the object itself, no handle is
     * allocated and no site is captured. Dead-object acquires and releases are still detected.
     * Costs one atomic add per acquire and one compare-and-set per release.
     */
    OFF,
    /**
     * One object in {@link RefGuard#sampleInterval()} is tracked, chosen at random at
     * construction; the rest behave as {@link #OFF}. The default: a leak that happens often is
     * caught with full sites at a small fraction of the cost.
     */
    SAMPLED,
    /**
     * Every object is tracked: each acquire returns its own handle carrying its acquire site, so
     * leaks, double releases and uses after release are reported with their sites. Costs a stack
     * walk and two small allocations per acquire.
     */
    TRACKED
}
