package io.refguard.explore.runtime;

import io.refguard.hook.Access;

/**
 * The scheduler's state at one decision, as a {@link Chooser} sees it: which threads may run, who
 * ran last, and the operation each thread will perform when it is chosen.
 *
 * <p>The view is valid only during {@link Chooser#choose(ChoicePoint)} and is reused for the next
 * decision; a chooser must copy what it wants to keep. Every paused thread sits at a scheduling
 * point, before the operation it announced, so {@link #pendingTarget}/{@link #pendingAccess} are
 * exactly what a partial-order reduction needs to tell dependent choices from independent ones.
 */
public interface ChoicePoint {

    /**
     * Threads per run: ids are below this, 4,096 (64 words of 64 bits in the runtime's thread
     * sets). Replay tokens name ids below it too.
     */
    int MAX_THREADS = 4096;

    /** The index of this decision in the run, from 0. */
    int step();

    /** The thread that ran until this decision, or -1 at the first decision of a run. */
    int current();

    /**
     * Whether {@link #current()} may go on. Choosing another thread while it may is a preemption;
     * choosing any thread after it blocked or finished is free.
     */
    boolean currentEnabled();

    /**
     * Whether {@link #current()} waits at the point of a timed wait that choosing it now ends at
     * once, as if the other threads took longer than its timeout (an early timeout, see {@code
     * --timeouts}); choosing another thread is then the wait's timely path. Both are free: {@link
     * #currentEnabled()} is false, since the thread goes on only by the explorer's choice of the
     * timed-out path.
     */
    default boolean currentMayTimeOut() {
        return false;
    }

    /**
     * Whether this decision offers only {@link #current()} because it is pinned ({@code
     * Coordinator.pin}): it holds a lock of the JVM that the model does not know, such as the lock
     * of a class the JVM initializes for the first time. Other threads could run but would block
     * outside the runtime's control. In a later run of the same schedule, where the class is
     * initialized again under the model's control, the same decision may offer every thread, so a
     * pinned decision's enabled set is not compared with other runs' and a search may take the
     * larger set seen later as the decision's.
     */
    default boolean pinned() {
        return false;
    }

    /**
     * Whether thread {@code id} may run now: it is not blocked, and not held back by fair
     * scheduling as spinning or yielding while another thread can run.
     */
    boolean isEnabled(int id);

    /** The lowest id from {@code from} on of a thread that may run now, or -1 if none. */
    int nextEnabled(int from);

    /**
     * The enabled thread of rank {@code k} in id order (0 for the lowest), or -1 when fewer than
     * {@code k + 1} may run. The runtime's view answers in a few bit operations per 64 threads.
     */
    default int nthEnabled(int k) {
        if (k < 0) {
            return -1;
        }
        int i = nextEnabled(0);
        while (i >= 0 && k-- > 0) {
            i = nextEnabled(i + 1);
        }
        return i;
    }

    /**
     * The threads with ids {@code 64 * w} to {@code 64 * w + 63} that may run now, as the bits of a
     * word (bit {@code i % 64} for thread {@code i}). The runtime's view answers with one read.
     */
    default long enabledWord(int w) {
        long word = 0;
        for (int i = nextEnabled(w << 6); i >= 0 && i >>> 6 == w; i = nextEnabled(i + 1)) {
            word |= 1L << i;
        }
        return word;
    }

    /** How many threads may run now (at least one at every decision). */
    int enabledCount();

    /** The number of threads in the run so far (spawned threads get the next ids). */
    int threadCount();

    /**
     * The object thread {@code id} will touch next, or {@code null} when unknown (an explicit point
     * without a target, a thread start): unknown steps are dependent on every step.
     */
    Object pendingTarget(int id);

    /** How thread {@code id}'s next operation touches {@link #pendingTarget}; null when unknown. */
    Access pendingAccess(int id);

    /** The name of thread {@code id}, for messages. */
    String threadName(int id);

    /** The label of thread {@code id}'s next operation. */
    String pendingLabel(int id);

    /**
     * Whether a thread is left out of the enabled set now because it spins: it re-read what nobody
     * wrote (fair scheduling). Schedules in which it acts first are not offered, which is sound
     * only if its next steps change nothing until another thread writes.
     */
    default boolean spinnerHeldBack() {
        return false;
    }

    /** Whether thread {@code id} has started and not finished (it may be blocked). */
    default boolean isLive(int id) {
        return isEnabled(id);
    }

    /**
     * Whether thread {@code id} has not run yet: its next step is its start, which runs only the
     * thread's own code up to its first scheduling point and so commutes with every step.
     */
    default boolean pendingStart(int id) {
        return false;
    }

    /**
     * Whether an observer (a scenario's invariants) reads the state at every point. It sees the
     * state between any two steps, including what a step wrote without a point of its own, so for
     * it no two steps commute: a reduction that ran one order of "independent" steps could skip the
     * state the other order shows it.
     */
    default boolean observed() {
        return false;
    }

    /**
     * The lowest id from {@code from} on, other than {@code c}, of a thread whose next operation
     * does not commute with {@code c}'s ({@link #independent}), or -1. The runtime's view indexes
     * the threads by target, so that enumerating them costs time in the threads found.
     */
    default int nextDependent(int c, int from) {
        for (int u = Math.max(0, from), n = threadCount(); u < n; u++) {
            if (u != c && !independent(u, c)) {
                return u;
            }
        }
        return -1;
    }

    /**
     * Whether the next operations of threads {@code a} and {@code b} commute: either is a thread's
     * start, or their targets do not overlap or both only read ({@link Locations#dependent}).
     */
    default boolean independent(int a, int b) {
        if (pendingStart(a) || pendingStart(b)) {
            return true;
        }
        return !Locations.dependent(
                pendingTarget(a), pendingAccess(a), pendingTarget(b), pendingAccess(b));
    }
}
