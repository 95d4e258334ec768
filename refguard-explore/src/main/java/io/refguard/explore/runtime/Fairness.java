package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import io.refguard.hook.FieldOf;

/**
 * Fair scheduling of yields and spin loops, after fair stateless model checking (Musuvathi and
 * Qadeer, "Fair stateless model checking", PLDI 2008): a thread that cannot make progress until
 * another thread acts is <em>held back</em> and not offered to the strategy until another thread
 * writes a location it read, or every other thread that can run has taken a step since (the paper's
 * priority rule, applied by {@code Execution}), or no other thread can run. Every strategy sees the
 * restricted enabled set, so none of them has to know about spinning.
 *
 * <p>A thread is held back when it
 *
 * <ul>
 *   <li>yields ({@link io.refguard.explore.Coordinator#spinWait}, and {@code Thread.yield} or
 *       {@code Thread.onSpinWait} through the agent), or
 *   <li>spins: it repeats a read it already made (the same operation, by its label, on the same
 *       location) {@link #STUTTERS} times, while nobody (itself included) wrote any location it
 *       read. Reads of a plain array's elements, which are one location whatever the index, do not
 *       count: a loop over an array reads a new element each turn. A failed compare-and-set counts
 *       as a read when the operation says so ({@link
 *       io.refguard.explore.Coordinator#updateFailed}), and so does taking a lock, which its
 *       release leaves as it was: a loop that locks, reads and unlocks spins.
 * </ul>
 *
 * Locations are the targets of scheduling points, tracked exactly (by identity) up to {@link
 * #READS} reads per thread; a write to a location wakes every thread that read it or a location it
 * overlaps ({@link Locations#overlap}: a field updater's write wakes the readers of every field of
 * its object), whatever the operation. Requiring the same label as well keeps two different
 * operations on one location (two calls that read one collection) from looking like a loop: a loop
 * repeats its code. A thread that read more since its last write, or a yield with nothing read, is
 * woken by any write of another thread. A write is a {@link Access#WRITE} or {@link Access#UPDATE}
 * step; a step with no target writes everything. A change without a step, to an object only the
 * thread has used ({@link #wroteUnseen}: a {@code StringBuilder} or buffer it fills), is a write of
 * its own, which no other thread reads.
 *
 * <p>The effect of a step is applied at the next decision, after the step's operation ran, so an
 * update can still be reported as failed. Everything here follows from the schedule alone, so a
 * replayed schedule holds back the same threads at the same steps.
 *
 * <p>When every thread that can run is held back, they all run again (the paper's rule when no
 * other thread is enabled). If then no thread writes anything for {@link #STALL_STEPS} steps, the
 * run is a livelock: every live thread spins on locations nobody writes any more.
 */
final class Fairness {

    /**
     * Re-reads of unchanged locations, without a write, after which a thread counts as spinning.
     */
    static final int STUTTERS = 2;

    /**
     * Re-reads after which a held-back thread no longer counts as able to progress for another
     * thread's timeout ({@link #spinsPastTimeouts}). Locations are whole objects, so a finite scan
     * of an array's elements or an atomic array's slots through one call site (each slot read once)
     * repeats a read on one location as a spin does; a timeout that fired while such a scan was
     * held back would be a timeout no real machine shows. Waiting for this many re-reads tells the
     * two apart for scans of up to 25 slots, at a cost of as many steps for a real spin that only a
     * timeout ends.
     */
    static final int TIMEOUT_STUTTERS = 24;

    /** The part that stands for all elements of a plain array ({@link FieldOf}). */
    private static final String ALL_ELEMENTS = "[]";

    /** Locations tracked exactly per thread; more make any write wake it. */
    static final int READS = 8;

    /** Steps with only held-back threads able to run and no write, after which a run livelocks. */
    static final int STALL_STEPS = 1_000;

    private final Execution x;

    /** The run this is the fair scheduling of. */
    private final RunState run;

    /** The actor chosen at the last decision, whose step's effect is still to be applied. */
    private Actor last;

    private Object lastTarget;
    private String lastLabel;
    private Access lastAccess;

    /** The step from which only held-back threads could run, or -1. */
    private int stallStart = -1;

    Fairness(Execution x, RunState run) {
        this.x = x;
        this.run = run;
    }

    /**
     * Steps in a row after which a thread is held back while another thread can run, whatever it
     * reads and writes: a loop that waits for another thread but writes its own fields each turn (a
     * ring buffer's consumer that re-publishes its unchanged sequence while a producer has claimed
     * a slot and not yet published it) is no spin by the rule of reads above, and a strategy that
     * keeps choosing it (PCT, with the producer at a lower priority) would run it to {@code
     * maxSteps} and report a livelock no fair machine shows. Held back, it runs again once every
     * other thread that can run has taken a step. A thousand steps in a row are far more than any
     * bug found so far needed of one thread between two of another's. A thread that starts or wakes
     * another begins a new burst: a loop that spawns thousands of threads, or hands work to
     * sleeping consumers, is no wait.
     */
    static final int BURST_STEPS = 1_000;

    /** Remembers the operation {@code a} performs at the step just chosen. */
    void chosen(Actor a, int step) {
        a.burst = a.lastStep == step - 1 && a.lastStep >= 0 ? a.burst + 1 : 1;
        a.lastStep = step;
        last = a;
        lastTarget = a.pendingTarget;
        lastLabel = a.pendingLabel;
        lastAccess = a.pendingAccess;
    }

    /** The update of the step {@code a} just performed wrote nothing: count it as a read. */
    void updateFailed(Actor a) {
        if (last == a && lastAccess == Access.UPDATE) {
            lastAccess = Access.READ;
        }
    }

    /**
     * {@code a}, running, changed state no scheduling point covers, which no other thread has read:
     * its reads so far are forgotten, as after a write of its own, with the read of the step it
     * last chose, which it made before the change and whose effect is still to be applied.
     */
    void wroteUnseen(Actor a) {
        if (last == a && lastAccess == Access.READ && lastTarget != null) {
            last = null;
            lastTarget = null;
        }
        a.forgetReads();
    }

    /**
     * Applies the last step's effect, and holds {@code me} back if it asked to yield. Called at the
     * start of every decision, while every other thread is paused.
     */
    void settle(Actor me, int step) {
        Actor w = last;
        if (w != null) {
            last = null;
            Object t = lastTarget;
            lastTarget = null;
            if (lastAccess == Access.READ) {
                if (t != null) {
                    read(w, t, lastLabel, step);
                }
            } else if (lastAccess != null) {
                wrote(w, t);
            }
        }
        if (me != null && me.yieldRequested) {
            me.yieldRequested = false;
            me.heldBack = true;
            me.heldAt = step;
            x.readers.add(me.id);
            x.dirty.add(me.id);
        }
    }

    /**
     * Whether {@code a} is held back because it spins (re-read {@link #STUTTERS} times what nobody
     * wrote), not only because it yielded once.
     */
    static boolean spinning(Actor a) {
        return a.heldBack && a.stutters >= STUTTERS;
    }

    /**
     * Whether {@code a} has spun long enough that another thread's timeout may fire before it goes
     * on ({@link #TIMEOUT_STUTTERS}): until then it is held back from the strategies, yet counts as
     * a thread that can still progress, so it runs again before any timeout fires.
     */
    static boolean spinsPastTimeouts(Actor a) {
        return a.heldBack && a.stutters >= TIMEOUT_STUTTERS;
    }

    private void read(Actor a, Object t, String label, int step) {
        x.readers.add(a.id);
        if (t instanceof FieldOf f && ALL_ELEMENTS.equals(f.name())) {
            // all elements of a plain array are one target: a loop over them (a scan, a join of
            // each thread in an array) reads a new element each turn, and a loop that waits on a
            // plain element races anyway; the burst rule still holds back a thread that never ends
            return;
        }
        for (int i = 0; i < a.readCount; i++) {
            if (a.reads[i] == t && a.readLabels[i] == label) {
                if (++a.stutters >= STUTTERS) {
                    a.heldBack = true;
                    a.heldAt = step;
                    x.dirty.add(a.id);
                }
                return;
            }
        }
        if (a.readCount < READS) {
            a.reads[a.readCount] = t;
            a.readLabels[a.readCount++] = label;
        } else {
            a.readsOverflow = true;
        }
    }

    private void wrote(Actor w, Object t) {
        w.forgetReads();
        stallStart = -1;
        // only threads that read or were held back since they were last woken can be woken
        Actor[] slots = x.slots;
        ThreadSet readers = x.readers;
        for (int i = readers.next(0); i >= 0; i = readers.next(i + 1)) {
            Actor a = slots[i];
            if (a != w && a.readCount + (a.heldBack ? 1 : 0) > 0 && wakes(a, t)) {
                a.forgetReads();
            }
        }
    }

    private static boolean wakes(Actor a, Object t) {
        if (t == null || a.readsOverflow || a.readCount == 0) {
            return true;
        }
        for (int i = 0; i < a.readCount; i++) {
            if (Locations.overlap(a.reads[i], t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called when only held-back threads can run at step {@code s}; returns whether that has lasted
     * {@link #STALL_STEPS} steps.
     */
    boolean stalled(int s) {
        if (stallStart < 0) {
            stallStart = s;
            return false;
        }
        return s - stallStart >= STALL_STEPS;
    }

    /** Some thread that is not held back can run: the run is not stalled. */
    void progressing() {
        stallStart = -1;
    }

    /**
     * The step at which the current round of turns among held-back threads began ({@link #turn}).
     */
    private int roundStart = -1;

    /**
     * When only the held-back threads {@code held} can run at step {@code s}: those of them that
     * have not stepped in the current round, written into {@code into}; a new round begins when
     * every one has. The paper's priority rule, among held-back threads: each gets a turn before
     * any gets a second, in an order the strategy chooses. Offered all at once, a strategy that
     * keeps choosing one (the current thread, which it need not preempt, or PCT's highest) could
     * leave another without a step for the whole stall, and the run ended as a livelock although
     * that thread, held back for reading one location thrice on its way to a write, would have
     * written.
     */
    ThreadSet turn(ThreadSet held, int s, ThreadSet into) {
        if (roundStart < 0 || stallStart < 0 || roundStart < stallStart) {
            roundStart = s; // the stall began at this step: a first round
        }
        into.clear();
        for (int pass = 0; pass < 2 && into.isEmpty(); pass++) {
            for (int i = held.next(0); i >= 0; i = held.next(i + 1)) {
                if (x.slots[i].lastStep < roundStart) {
                    into.add(i);
                }
            }
            if (into.isEmpty()) {
                roundStart = s; // every one has had its turn: the next round
            }
        }
        return into;
    }

    private static boolean shownBefore(Actor a, int r) {
        for (int i = 0; i < r; i++) {
            if (a.reads[i] == a.reads[r]) {
                return true;
            }
        }
        return false;
    }

    /** What the livelocked threads spin on, for the report. */
    String describeLivelock() {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < run.threadCount; i++) {
            Actor a = x.slots[i];
            if (!a.live()) {
                continue;
            }
            sb.append(shown++ == 0 ? "" : "; ").append(a.name);
            if (!a.heldBack) {
                sb.append(" is blocked");
                continue;
            }
            if (a.readCount == 0) {
                sb.append(" yields");
                continue;
            }
            sb.append(" spins reading ");
            for (int r = 0; r < a.readCount; r++) {
                if (!shownBefore(a, r)) {
                    sb.append(r == 0 ? "" : ", ").append(run.namer().name(a.reads[r]));
                }
            }
        }
        return "every live thread spins or waits, and no thread wrote anything any spinning thread"
                + " reads for "
                + STALL_STEPS
                + " steps ("
                + sb
                + ")";
    }
}
