package io.refguard.cases.readahead;

import io.refguard.explore.Named;

/**
 * The page behind an extent buffer, with its lock bit ({@code PG_locked}): {@code lock_page} sleeps
 * until the bit is clear and sets it; {@code unlock_page} clears it and wakes the sleepers. Unlike
 * a monitor, it may be unlocked by another thread than the one that locked it: a read locks the
 * page when it is submitted and its completion unlocks it. The VM calls {@code releasepage} with
 * the page locked.
 */
final class Page implements Named {

    /** Guarded by this page's monitor. */
    private boolean locked;

    /** {@code lock_page()}. */
    synchronized void lock() throws InterruptedException {
        while (locked) {
            wait();
        }
        locked = true;
    }

    /** {@code unlock_page()}. */
    synchronized void unlock() {
        locked = false;
        notifyAll();
    }

    /** Whether the page is locked. */
    synchronized boolean isLocked() {
        return locked;
    }

    @Override
    public String reportName() {
        return "page";
    }
}
