package io.refguard.explore.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * The runtime's model of one reentrant lock with a monitor wait set, keyed by the identity of the
 * user's lock object. Exists for one run only; every field is touched only by the baton holder.
 */
final class ModelLock {

    /** The object the user locks; kept for reports. */
    final Object key;

    /** The holder, or {@code null} when free. */
    Actor owner;

    /** Reentrant hold count of {@link #owner}; 0 when free. */
    int holds;

    /** Blocked threads left out of the decisions until this lock is released (dormant). */
    ArrayList<Actor> sleepers;

    ModelLock(Object key) {
        this.key = key;
    }

    ArrayList<Actor> sleepers() {
        if (sleepers == null) {
            sleepers = new ArrayList<>(4);
        }
        return sleepers;
    }

    /** Threads waiting in {@code await} on a condition, in arrival order (signal is FIFO). */
    static final class WaitSet {
        final ArrayDeque<Actor> waiters = new ArrayDeque<>(4);
    }
}
