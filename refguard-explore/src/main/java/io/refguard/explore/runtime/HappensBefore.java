package io.refguard.explore.runtime;

import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * The happens-before order of one run, kept as vector clocks (Lamport, CACM 1978; Mattern, 1989)
 * and compared by epochs as FastTrack does (Flanagan &amp; Freund, PLDI 2009): a mark names a
 * thread and that thread's own clock entry at the marked moment, and it happened before another
 * thread's moment when that thread's clock has reached the entry. Checks that must know whether two
 * actions of different threads are ordered ({@code Coordinator.happensBeforeMark}) start it on the
 * first mark of a run, so runs that never ask pay nothing; ordering paths from a mark run through
 * later steps only, so what came before the start does not matter.
 *
 * <p>The order over-approximates the program's, never the reverse, so that a check never reports
 * two actions as unordered when the JVM orders them:
 *
 * <ul>
 *   <li>Every scheduling point synchronizes on its target (a field on its whole object): the thread
 *       releases its past there as it arrives and acquires what others released there when it is
 *       chosen to go on. Plain accesses thus order too, and so does any operation a model announces
 *       on an object; and what a thread did before a point is released before any other thread can
 *       run, even when the hand-over it made (completing a task, say) was no point itself.
 *   <li>A point with an unknown target acquires every release of the run so far, and releases to
 *       every later acquire. A wait that wakes because its condition holds acquires every release
 *       up to and including the first one after which its condition was seen to hold: the
 *       condition's state may have been written by any of them, and the write that made it hold
 *       came before that release, in the releasing thread. What that thread did after the release
 *       is left out, as the JVM leaves it out; so a model that releases right after an operation
 *       that can end waits (a {@code countDown}) lets a waiter's wake leave out what its thread did
 *       after it (a list filled after the {@code countDown}). A wait whose condition holds at once
 *       acquires every release so far.
 *   <li>Unlocking (also in a monitor wait) releases on the lock, taking it acquires; a spawned
 *       thread starts with its parent's clock; a finished thread releases on itself, and joining it
 *       acquires; an operation that ran code after its point (a library call running the program's
 *       callbacks) releases on the point's target again when it ends.
 * </ul>
 *
 * Written by the baton holder only.
 */
final class HappensBefore {

    /** Each thread's clock, by thread id; made on the thread's first use. */
    private int[][] clocks = new int[8][];

    /** What was released on each target (a field's whole object). */
    private final IdentityHashMap<Object, int[]> released = new IdentityHashMap<>();

    /** Released by points with unknown targets: every acquire takes it. */
    private int[] global = new int[0];

    /** Every release of the run, for the acquires that may read anything. */
    private int[] all = new int[0];

    /** The threads blocked until a condition holds ({@link #waiting}). */
    private final java.util.ArrayList<Actor> waiters = new java.util.ArrayList<>();

    /**
     * For each waiting thread whose condition holds, by thread id: {@link #all} as it was after the
     * first release after which the condition held, what its wake acquires; null while it does not
     * hold.
     */
    private int[][] enabledAt = new int[8][];

    /** A mark of where {@code me} is now: its id and its own clock entry. */
    long mark(Actor me) {
        return ((long) me.id << 32) | clock(me)[me.id];
    }

    /** Whether the moment {@code mark} names happened before where {@code me} is now. */
    boolean before(long mark, Actor me) {
        int id = (int) (mark >>> 32);
        int[] c = clock(me);
        return id == me.id || id < c.length && c[id] >= (int) mark;
    }

    /**
     * {@code me} arrived at a scheduling point on {@code target} (null: unknown): it releases its
     * past there at once, before it is chosen, since it does nothing more until its operation; a
     * thread that acquires in between orders after it early, which only widens the order.
     */
    void arrived(Actor me, Object target) {
        if (me.id < enabledAt.length) {
            enabledAt[me.id] = null; // kept by a wait that timed out: not for a later wake
        }
        if (target == null) {
            global = join(global, clock(me));
            release(me, null);
        } else {
            release(me, Locations.indexKey(target));
        }
    }

    /** {@code me} was chosen at its scheduling point on {@code target}: it acquires there. */
    void chosen(Actor me, Object target) {
        if (target == null) {
            acquireAll(me);
        } else {
            acquire(me, Locations.indexKey(target));
        }
    }

    /** {@code me} acquires what was released on {@code key}. */
    void acquire(Actor me, Object key) {
        int[] c = join(clock(me), global);
        int[] r = released.get(key);
        if (r != null) {
            c = join(c, r);
        }
        clocks[me.id] = c;
    }

    /** {@code me} acquires every release so far. */
    void acquireAll(Actor me) {
        clocks[me.id] = join(clock(me), all);
    }

    /** {@code waiter} blocks until its condition holds; what an earlier wait kept is dropped. */
    void waiting(Actor waiter) {
        grow(waiter.id);
        growEnabled(waiter.id);
        enabledAt[waiter.id] = null;
        waiters.add(waiter);
    }

    /**
     * {@code waiter} no longer blocks; what its condition's release kept stays for {@link #woke}.
     */
    void notWaiting(Actor waiter) {
        waiters.remove(waiter);
    }

    /**
     * {@code me} returns from a wait because its condition holds: it acquires what was kept for it
     * ({@link #release}), or, when its condition held at once, every release so far.
     */
    void woke(Actor me) {
        int[] kept = me.id < enabledAt.length ? enabledAt[me.id] : null;
        clocks[me.id] = join(clock(me), kept != null ? kept : all);
        if (kept != null) {
            enabledAt[me.id] = null;
        }
    }

    /**
     * After a release by {@code me}: each waiter whose condition holds now, and did not at the
     * releases before, keeps {@link #all} as it is now; one whose condition no longer holds drops
     * what it kept. Conditions are evaluated as the scheduler does, with {@code me}'s code paused.
     */
    private void checkWaiters(Actor me) {
        if (waiters.isEmpty()) {
            return;
        }
        boolean wasUser = me.userCode;
        me.userCode = false;
        try {
            for (int i = 0; i < waiters.size(); i++) {
                Actor w = waiters.get(i);
                boolean holds;
                try {
                    holds = w.canGoOn();
                } catch (RuntimeException | Error e) {
                    holds = false; // the scheduler reports it when it asks
                }
                if (!holds) {
                    enabledAt[w.id] = null;
                } else if (enabledAt[w.id] == null) {
                    enabledAt[w.id] = all.clone();
                }
            }
        } finally {
            me.userCode = wasUser;
        }
    }

    private void growEnabled(int id) {
        if (id >= enabledAt.length) {
            enabledAt = Arrays.copyOf(enabledAt, Math.max(id + 1, enabledAt.length * 2));
        }
    }

    /**
     * {@code me} releases its past on {@code key} (null: only to the acquires of everything), and
     * its later actions are no longer covered by it.
     */
    void release(Actor me, Object key) {
        int[] c = clock(me);
        if (key != null) {
            released.put(key, join(released.get(key), c));
        }
        all = join(all, c);
        c[me.id]++;
        checkWaiters(me);
    }

    /** {@code parent} spawned {@code child}: the child starts knowing the parent's past. */
    void spawned(Actor parent, Actor child) {
        int[] p = clock(parent);
        int[] c = Arrays.copyOf(p, Math.max(p.length, child.id + 1));
        c[child.id] = 1;
        grow(child.id);
        clocks[child.id] = c;
        release(parent, null);
    }

    private int[] clock(Actor a) {
        grow(a.id);
        int[] c = clocks[a.id];
        if (c == null) {
            c = new int[a.id + 1];
            c[a.id] = 1;
            clocks[a.id] = c;
        }
        return c;
    }

    private void grow(int id) {
        if (id >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(id + 1, clocks.length * 2));
        }
    }

    /** {@code into} raised to {@code from} entry by entry; {@code into} itself when long enough. */
    private static int[] join(int[] into, int[] from) {
        if (into == null) {
            return from.clone();
        }
        if (from.length > into.length) {
            into = Arrays.copyOf(into, from.length);
        }
        for (int i = 0; i < from.length; i++) {
            if (from[i] > into[i]) {
                into[i] = from[i];
            }
        }
        return into;
    }
}
