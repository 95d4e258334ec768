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
     * One object in {@link RefGuard#sampleInterval()} is tracked, chosen at random at construction;
     * the rest behave as {@link #OFF}. The default: a leak that happens often is caught with the
     * sites where the object was created and acquired, at a small fraction of the cost. Closes of a
     * sampled object are not walked for their sites (the agent's supplied sites are still used): a
     * double release or use after release names the thread of the close and says to use {@link
     * #TRACKED} for its site.
     */
    SAMPLED,
    /**
     * Count only: inside a {@link LeakScope} of this mode, every object constructed on a bound
     * thread adds one to the scope's count of live objects, and its final release takes one off; no
     * handle, no site, no tracker. A scope that closes with a non-zero count fails with the count
     * and says how to get the sites ({@link #TRACKED}). Outside any scope, objects are untracked,
     * as with {@link #OFF}. Costs one counter update at construction and at the final release;
     * acquire and release cost what they cost with {@link #OFF}.
     */
    PRESENCE,
    /**
     * Every object is tracked: each acquire returns its own handle carrying its acquire site, so
     * leaks, double releases and uses after release are reported with their sites. Costs a stack
     * walk and two small allocations per acquire.
     */
    TRACKED
}
