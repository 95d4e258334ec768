package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.hook.Access;
import java.util.Arrays;
import java.util.Objects;

/**
 * Stateless dynamic partial-order reduction: with sleep sets when unbounded, or within a preemption
 * bound (bounded partial-order reduction).
 *
 * <h2>Algorithm</h2>
 *
 * Flanagan and Godefroid, "Dynamic partial-order reduction for model checking software", POPL 2005,
 * with the sleep sets of Godefroid, LNCS 1032, 1996. The search is a depth-first walk of the
 * schedule tree that keeps only the current path. Each frame of the path holds the threads enabled
 * there, a <em>backtrack</em> set (threads that must be tried there), a <em>done</em> set (threads
 * tried) and a <em>sleep</em> set. A frame starts with one thread in its backtrack set; more are
 * added only when a race is found:
 *
 * <ul>
 *   <li>At every frame first reached in a run, for each enabled thread {@code q}, the search finds
 *       the last step {@code j} of the path that is dependent on {@code q}'s pending operation, was
 *       taken by another thread, and does not happen before {@code q} (vector clocks over the
 *       path). If {@code q} was enabled at {@code j}, {@code q} joins {@code j}'s backtrack set, so
 *       the next runs try {@code q} first there; otherwise every thread enabled at {@code j} does.
 *   <li>After a run, the next one replays the path to the deepest frame whose backtrack set holds a
 *       thread neither done nor asleep, and takes it.
 * </ul>
 *
 * <p>The result: at least one schedule of every Mazurkiewicz trace (class of schedules equal up to
 * swapping adjacent independent steps) is run, provided each step's shared accesses are all
 * described by the point that starts it. Equivalent schedules end in the same state but pass
 * through different ones, so for a scenario with invariants, which check every state passed, any
 * two writes are dependent ({@link #dependent}).
 *
 * <h2>Dependence</h2>
 *
 * Two steps are dependent when they touch the same target and at least one does not only read; a
 * thread's start runs only its own code up to its first point and commutes with every step ({@link
 * Dependence#START}); any other step with an unknown (null) target, such as a spawn, is dependent
 * on every step. Blocking primitives announce their lock, condition or joined thread as the target,
 * so they are dependent on the steps on that object. Races are checked for every live thread, as in
 * the paper, blocked ones included: a blocked thread's pending operation races with the last
 * dependent step before it now, and that race can be gone by the frame where the thread is enabled
 * again (a later step on the same object happens before it by then). Checking only enabled threads
 * lost traces of programs whose threads wait on a monitor, which a count of the distinct traces the
 * exhaustive search runs showed.
 *
 * <h2>Happens-before</h2>
 *
 * Step {@code d} of thread {@code t} gets the vector clock {@code C[t]} joined with the clocks of
 * every earlier dependent step, with {@code t}'s own entry incremented; it then becomes {@code
 * C[t]}. Step {@code j} happens before thread {@code q}'s next step iff {@code clock(j)[tid(j)] <=
 * C[q][tid(j)]}. Clocks are rebuilt on every run (replayed prefix included) because each run has
 * its own scenario objects; per step the race check and the clock each scan the path back once per
 * thread, O(depth * threads), and nothing is allocated once the arrays have grown.
 *
 * <h2>Preemption bound</h2>
 *
 * Coons, Musuvathi and McKinley, "Bounded partial-order reduction", OOPSLA 2013. Plain DPOR under a
 * preemption bound loses traces: the backtrack point a race adds may only be reachable with one
 * preemption too many, while the same reordering was reachable for free at the start of the racing
 * step's thread block (where the thread before it had blocked or finished, or where a preemption
 * was already being paid). So, with a bound, each race also adds its thread at the first frame of
 * the block of consecutive steps of the racing thread that holds the racing step. A frame's
 * alternatives are tried only when the preemptions before it plus the switch fit the bound (a
 * switch away from a thread that could go on costs one); a new frame continues with the current
 * thread while it can, so continuations never preempt. Sleep sets are unsound together with the
 * bound (a sleeping thread's step may be reachable within the bound only in the pruned order), so a
 * bounded search runs without them. What it guarantees: every trace that has a schedule with at
 * most that many preemptions is run, checked against a brute-force count in the tests.
 *
 * <p>The bound is raised level by level, 0, 1, ... up to the one asked for, as in iterative
 * preemption bounding (Musuvathi and Qadeer, PLDI 2007), and stops early at a level that left out
 * nothing. Level {@code b} covers every trace with a schedule of at most {@code b} preemptions, so
 * a trace is first run with the fewest preemptions any of its schedules has, and a failure, which
 * is the same on every schedule of its trace, is found with the fewest. The lower levels cost a few
 * runs more than the top level alone (on the seed cases' fixes at bound 2, 10 to 25%).
 */
final class DporStrategy implements Search, Chooser {

    /** Slots per frame in the per-thread arrays, and the most threads this search explores. */
    private static final int STRIDE = 64;

    /** The preemption bound; {@link Integer#MAX_VALUE} for none (then sleep sets are used). */
    private final int maxBound;

    /** The bound of the current level: 0 to {@link #maxBound}, or unbounded. */
    private int bound;

    /** Whether the scenario's invariants observe every state ({@link #dependent}). */
    private boolean observed;

    private boolean started;
    private boolean done;
    private boolean boundHit;
    private int preemptions;

    /** Frames of the current path; frames at or beyond it are stale. */
    private int depth;

    /** The next run replays {@code chosen[0 .. replayLen)}; the last of them is the new branch. */
    private int replayLen;

    // Per frame d (index d): the decision made at step d and the step it started.
    private long[] enabled = new long[64];
    private long[] backtrack = new long[64];
    private long[] tried = new long[64];
    private long[] sleep = new long[65];
    private int[] chosen = new int[64];

    /**
     * Per frame (bounded search): the preemptions before it, and who ran into it and could go on.
     */
    private int[] preBefore = new int[64];

    private int[] cur = new int[64];
    private boolean[] curEnabled = new boolean[64];

    /** Per frame: whether it was recorded at a pinned decision, whose enabled set may grow. */
    private boolean[] pinned = new boolean[64];

    /** Per frame: the chosen thread's operation, for the warm-up's comparison. */
    private String[] labels = new String[64];

    private Object[] stepTarget = new Object[64];
    private Access[] stepAccess = new Access[64];

    /** Vector clock of step d at [d * STRIDE, (d + 1) * STRIDE). */
    private int[] stepClock = new int[64 * STRIDE];

    /** Pending operation of every thread at frame d, at [d * STRIDE + thread]. */
    private Object[] pendingTarget = new Object[64 * STRIDE];

    private Access[] pendingAccess = new Access[64 * STRIDE];

    /** Clock of each thread's last step in the current run, at [thread * STRIDE, ...). */
    private final int[] threadClock = new int[STRIDE * STRIDE];

    private long distinct;
    private String divergence;
    private String limit;
    private final WarmUp warmUp = new WarmUp();

    /**
     * @param bound the preemption bound, or {@link Integer#MAX_VALUE} for an unbounded search with
     *     sleep sets
     */
    DporStrategy(int bound) {
        this.maxBound = bound;
    }

    private boolean bounded() {
        return maxBound != Integer.MAX_VALUE;
    }

    /**
     * One when taking {@code t} at frame {@code d} switches away from a thread that could go on.
     */
    private int cost(int d, int t) {
        return curEnabled[d] && t != cur[d] ? 1 : 0;
    }

    @Override
    public boolean hasNextRun() {
        if (done || divergence != null || limit != null) {
            return false;
        }
        if (!started || warmUp.restart()) {
            started = true;
            distinct = 0;
            bound = bounded() ? 0 : maxBound;
            boundHit = false;
            depth = 0;
            replayLen = 0;
            return true;
        }
        for (int d = depth - 1; d >= 0; d--) {
            long cand = backtrack[d] & ~tried[d] & ~sleep[d];
            while (cand != 0) {
                int t = Long.numberOfTrailingZeros(cand);
                cand &= cand - 1;
                tried[d] |= 1L << t;
                if (preBefore[d] + cost(d, t) > bound) {
                    boundHit = true; // beyond the bound: counted as tried, never run
                    continue;
                }
                chosen[d] = t;
                depth = d + 1;
                replayLen = d + 1;
                return true;
            }
        }
        if (boundHit && bound < maxBound) {
            bound++; // the next level: iterative preemption bounding
            boundHit = false;
            depth = 0;
            replayLen = 0;
            return true;
        }
        done = true;
        Arrays.fill(stepTarget, null);
        Arrays.fill(pendingTarget, null);
        return false;
    }

    @Override
    public Chooser chooser() {
        return this;
    }

    @Override
    public int choose(ChoicePoint p) {
        if (p.threadCount() > STRIDE) {
            // a limit of this search, not a failure of the program: the exploration stops with it
            limit =
                    "DPOR explores runs of at most "
                            + STRIDE
                            + " threads, and this run had started "
                            + p.threadCount()
                            + " when it stopped; use the default search, which has no such limit";
            return PRUNE;
        }
        int d = p.step();
        if (d == 0) {
            Arrays.fill(threadClock, 0);
            preemptions = 0;
            observed = p.observed();
        }
        ensureCapacity(d + 1);
        recordPending(d, p);
        int c;
        if (d < replayLen) {
            if (pinned[d] || p.pinned()) {
                if ((enabledMask(p) & (1L << chosen[d])) == 0) {
                    return PRUNE; // pinned here, not before: the recorded choice cannot run
                }
                if (pinned[d] && !p.pinned()) {
                    // recorded pinned: the threads the JVM's lock kept out are enabled here
                    enabled[d] = enabledMask(p);
                    pinned[d] = false;
                }
            }
            boolean same = pinned[d] || p.pinned() || enabledMask(p) == enabled[d];
            if (!same
                    || warmUp.covers(d)
                            && d < replayLen - 1 // the last replayed frame branches
                            && !Objects.equals(p.pendingLabel(chosen[d]), labels[d])) {
                if (warmUp.excuses(d)) {
                    return PRUNE;
                }
                if (!same) {
                    divergence = Masks.notDeterministic(p, d, new long[] {enabled[d]});
                    return PRUNE;
                }
            }
            c = chosen[d];
        } else {
            warmUp.recorded(d);
            long en = enabledMask(p);
            enabled[d] = en;
            pinned[d] = p.pinned();
            cur[d] = p.current();
            curEnabled[d] = p.currentEnabled();
            preBefore[d] = preemptions;
            backtrack[d] = 0;
            tried[d] = 0;
            if (d == 0) {
                sleep[0] = 0;
            }
            depth = d + 1;
            findRaces(d, en | blockedMask(p));
            long avail = en & ~sleep[d];
            if (avail == 0) {
                return PRUNE; // every enabled thread sleeps: this continuation is covered elsewhere
            }
            int me = p.current();
            c = me >= 0 && (avail & (1L << me)) != 0 ? me : Long.numberOfTrailingZeros(avail);
            backtrack[d] |= 1L << c;
            tried[d] |= 1L << c;
            chosen[d] = c;
            labels[d] = p.pendingLabel(c);
        }
        preemptions = preBefore[d] + cost(d, c);
        if (d >= replayLen - 1) {
            sleep[d + 1] = bounded() ? 0 : childSleep(d, c);
        }
        takeStep(d, c, p.threadCount());
        return c;
    }

    /** The enabled threads as one word (runs have at most {@link #STRIDE} threads here). */
    private static long enabledMask(ChoicePoint p) {
        long m = 0;
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            m |= 1L << i;
        }
        return m;
    }

    /** The threads that are live but cannot run now: blocked, waiting or held back. */
    private static long blockedMask(ChoicePoint p) {
        long m = 0;
        for (int i = 0, n = p.threadCount(); i < n; i++) {
            if (p.isLive(i) && !p.isEnabled(i)) {
                m |= 1L << i;
            }
        }
        return m;
    }

    private void recordPending(int d, ChoicePoint p) {
        int n = p.threadCount();
        int base = d * STRIDE;
        for (int i = 0; i < n; i++) {
            pendingTarget[base + i] = Dependence.target(p, i);
            pendingAccess[base + i] = p.pendingAccess(i);
        }
    }

    /**
     * For each live thread in {@code qs} (enabled or not), the last step it races with gets
     * backtrack points (the race rule of the class comment). Runs only at frames first reached: a
     * replayed frame has the same path before it, so its races were added when it was first
     * reached.
     */
    private void findRaces(int d, long qs) {
        while (qs != 0) {
            int q = Long.numberOfTrailingZeros(qs);
            qs &= qs - 1;
            Object tq = pendingTarget[d * STRIDE + q];
            Access aq = pendingAccess[d * STRIDE + q];
            int qClock = q * STRIDE;
            for (int j = d - 1; j >= 0; j--) {
                int tj = chosen[j];
                if (tj == q || !dependent(stepTarget[j], stepAccess[j], tq, aq)) {
                    continue;
                }
                if (stepClock[j * STRIDE + tj] <= threadClock[qClock + tj]) {
                    continue; // j happens before q's next step: not a race
                }
                addBacktrack(j, q);
                if (bounded()) {
                    int block = j;
                    while (block > 0 && chosen[block - 1] == tj) {
                        block--;
                    }
                    addBacktrack(block, q);
                }
                break;
            }
        }
    }

    /**
     * Thread {@code q} must be tried at frame {@code j}, or every thread there when q was not
     * enabled.
     */
    private void addBacktrack(int j, int q) {
        if ((enabled[j] & (1L << q)) != 0) {
            backtrack[j] |= 1L << q;
        } else {
            backtrack[j] |= enabled[j];
        }
    }

    /**
     * Records step {@code d} taken by thread {@code c} and computes its vector clock. A thread's
     * step clocks grow along its program order, so of each other thread only the latest step
     * dependent on this one needs joining: the backward scan joins at most one step per thread.
     */
    private void takeStep(int d, int c, int threads) {
        int base = d * STRIDE;
        Object t = pendingTarget[base + c];
        Access a = pendingAccess[base + c];
        stepTarget[d] = t;
        stepAccess[d] = a;
        int own = c * STRIDE;
        long others = (threads == STRIDE ? -1L : (1L << threads) - 1) & ~(1L << c);
        long joined = 0;
        for (int j = d - 1; j >= 0 && joined != others; j--) {
            int tj = chosen[j];
            long bit = 1L << tj;
            if ((joined & bit) != 0 || tj == c || !dependent(stepTarget[j], stepAccess[j], t, a)) {
                continue;
            }
            joined |= bit;
            int jb = j * STRIDE;
            for (int k = 0; k < threads; k++) {
                if (stepClock[jb + k] > threadClock[own + k]) {
                    threadClock[own + k] = stepClock[jb + k];
                }
            }
        }
        threadClock[own + c]++;
        System.arraycopy(threadClock, own, stepClock, base, STRIDE);
    }

    /**
     * Threads asleep after taking {@code c} at frame {@code d}: tried or asleep there, and
     * independent of c.
     */
    private long childSleep(int d, int c) {
        long cand = (sleep[d] | tried[d]) & ~(1L << c);
        int base = d * STRIDE;
        Object tc = pendingTarget[base + c];
        Access ac = pendingAccess[base + c];
        long result = 0;
        while (cand != 0) {
            int u = Long.numberOfTrailingZeros(cand);
            cand &= cand - 1;
            if (!dependent(pendingTarget[base + u], pendingAccess[base + u], tc, ac)) {
                result |= 1L << u;
            }
        }
        return result;
    }

    /**
     * The dependence of two recorded steps. Under an observer (a scenario's invariants, which check
     * every state a schedule passes) any two writes are dependent too ({@link
     * Dependence#dependentObserved}): DPOR runs one order of commuting steps, and the states the
     * other orders pass through would go unchecked. Sleep sets alone prune only transitions and
     * still reach every state, so the exhaustive search needs no such rule.
     */
    private boolean dependent(Object ta, Access aa, Object tb, Access ab) {
        return observed
                ? Dependence.dependentObserved(ta, aa, tb, ab)
                : Dependence.dependent(ta, aa, tb, ab);
    }

    private void ensureCapacity(int frames) {
        if (frames <= enabled.length) {
            return;
        }
        int n = Math.max(frames, enabled.length * 2);
        enabled = Arrays.copyOf(enabled, n);
        backtrack = Arrays.copyOf(backtrack, n);
        tried = Arrays.copyOf(tried, n);
        sleep = Arrays.copyOf(sleep, n + 1);
        chosen = Arrays.copyOf(chosen, n);
        preBefore = Arrays.copyOf(preBefore, n);
        cur = Arrays.copyOf(cur, n);
        curEnabled = Arrays.copyOf(curEnabled, n);
        pinned = Arrays.copyOf(pinned, n);
        labels = Arrays.copyOf(labels, n);
        stepTarget = Arrays.copyOf(stepTarget, n);
        stepAccess = Arrays.copyOf(stepAccess, n);
        stepClock = Arrays.copyOf(stepClock, n * STRIDE);
        pendingTarget = Arrays.copyOf(pendingTarget, n * STRIDE);
        pendingAccess = Arrays.copyOf(pendingAccess, n * STRIDE);
    }

    @Override
    public void runFinished(RunStatus status, int preemptions, long scheduleHash) {
        warmUp.runEnded(depth);
        // a run with fewer preemptions than the level allows stands for a trace a lower level ran
        if (status != RunStatus.PRUNED && (preemptions == bound || !bounded())) {
            distinct++;
        }
    }

    @Override
    public String divergence() {
        return divergence;
    }

    @Override
    public String limit() {
        return limit;
    }

    @Override
    public long distinctSchedules() {
        return distinct;
    }

    @Override
    public boolean exhausted() {
        return done;
    }

    @Override
    public boolean boundLimited() {
        return done && boundHit;
    }

    @Override
    public boolean randomized() {
        return false;
    }

    @Override
    public String describe() {
        return bounded() ? "dpor, preemption bound " + maxBound : "dpor, sleep sets";
    }
}
