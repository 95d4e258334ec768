package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.hook.Access;
import java.util.Arrays;
import java.util.Objects;

/**
 * Stateless depth-first search of the schedule tree with iterative preemption bounding, and
 * optional sleep-set reduction.
 *
 * <h2>Preemption bounding</h2>
 *
 * Musuvathi and Qadeer, "Iterative context bounding for systematic testing of multithreaded
 * programs", PLDI 2007. A preemption is a switch away from a thread that could have gone on. The
 * search runs level {@code b = 0, 1, 2, ...}: at level {@code b} it enumerates every schedule with
 * at most {@code b} preemptions (a switch after a thread blocks or finishes is free), so the first
 * failure found has the fewest preemptions. Each level re-runs the schedules of the levels below
 * (counted as runs, not as new schedules); they are exponentially fewer, and in exchange the search
 * keeps only the current path in memory. After a branch, a run continues without preemption (the
 * current thread goes on while it can), so a schedule's preemptions are fixed by the prefix the
 * search chose.
 *
 * <h2>State</h2>
 *
 * One frame per step of the current path: the enabled set seen there, the thread chosen, the
 * threads already tried, and the preemptions before it. The next run replays the path up to the
 * deepest frame with an untried alternative that fits the bound and takes that alternative; replay
 * checks that the enabled sets repeat, which detects a scenario that is not deterministic. The
 * first run is a warm-up ({@link WarmUp}): when a replay of its frames does not repeat, the search
 * starts over once instead.
 *
 * <h2>Sleep sets</h2>
 *
 * Godefroid, "Partial-Order Methods for the Verification of Concurrent Systems", LNCS 1032, 1996. A
 * thread whose pending operation was explored at a frame, and which is independent of the operation
 * taken next (different targets, or both reads; see {@link ChoicePoint#independent(int, int)}),
 * sleeps in the child: running it there would only reorder independent steps of a schedule already
 * covered. A run in which every enabled thread sleeps is pruned. Sound only if every shared access
 * of a step is described by the point that starts it. Combined with a preemption bound, the
 * reduction may skip a schedule whose only equivalent within the bound was pruned (Coons, Musuvathi
 * and McKinley, "Bounded partial-order reduction", OOPSLA 2013): a sleeping thread's step may be
 * reachable within the bound only in the pruned order. Sleep sets therefore apply only to an
 * unbounded search; under a bound they are switched off and {@link #describe()} says so.
 *
 * <h2>Shards</h2>
 *
 * With a shard {@code i/N} the search runs only the subtrees shard {@code i} owns, keyed by each
 * run's first deviation from the search's first choices; see {@link Shards}.
 */
final class ExhaustiveStrategy implements Search, Chooser {

    private final int maxBound;
    private final boolean reduction;
    private final boolean reductionRequested;
    private final int shardIndex;
    private final int shardCount;

    private int bound;
    private boolean started;
    private boolean done;
    private boolean boundHitThisLevel;
    private boolean boundLimited;

    private int depth;
    private int replayLen;
    private int preemptions;
    // Per frame d: thread sets (see ThreadBits), grown as needed and reused run after run.
    private long[][] enabled = new long[64][];
    private long[][] tried = new long[64][];
    private long[][] sleep = new long[65][];
    private int[] chosen = new int[64];
    private int[] cur = new int[64];
    private boolean[] curEnabled = new boolean[64];
    private int[] preBefore = new int[64];

    /** Per frame: whether it was recorded at a pinned decision, whose enabled set may grow. */
    private boolean[] pinned = new boolean[64];

    /** Per frame: the thread the search chose first there; another choice is a deviation. */
    private int[] first = new int[64];

    /** Per frame: the chosen thread's operation, for the warm-up's comparison. */
    private String[] labels = new String[64];

    /** Per frame: the pending target and access of every thread (reduction only). */
    private Object[][] targets = new Object[64][];

    private Access[][] accesses = new Access[64][];

    private long distinct;
    private String divergence;
    private final WarmUp warmUp = new WarmUp();

    ExhaustiveStrategy(int maxBound, boolean reduction) {
        this(maxBound, reduction, 1, 1);
    }

    ExhaustiveStrategy(int maxBound, boolean reduction, int shardIndex, int shardCount) {
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
        this.maxBound = maxBound;
        this.reductionRequested = reduction;
        this.reduction = reduction && maxBound == Integer.MAX_VALUE;
        for (int d = 0; d < 64; d++) {
            enabled[d] = new long[1];
            tried[d] = new long[1];
            sleep[d] = new long[1];
        }
        sleep[64] = new long[1];
    }

    @Override
    public boolean hasNextRun() {
        if (done || divergence != null) {
            return false;
        }
        if (!started || warmUp.restart()) {
            started = true;
            boundHitThisLevel = false;
            distinct = 0;
            bound = 0;
            depth = 0;
            replayLen = 0;
            return true;
        }
        if (backtrack()) {
            return true;
        }
        if (boundHitThisLevel && bound < maxBound) {
            bound++;
            boundHitThisLevel = false;
            depth = 0;
            replayLen = 0;
            return true;
        }
        boundLimited = boundHitThisLevel;
        done = true;
        for (Object[] t : targets) {
            if (t != null) {
                Arrays.fill(t, null);
            }
        }
        return false;
    }

    /** Moves to the next schedule of the current level; false when the level is exhausted. */
    private boolean backtrack() {
        int firstDeviation = shardCount == 1 ? -1 : firstDeviation();
        for (int d = depth - 1; d >= 0; d--) {
            long[] en = enabled[d];
            for (int t = ThreadBits.next(en, 0); t >= 0; t = ThreadBits.next(en, t + 1)) {
                if (ThreadBits.get(tried[d], t) || ThreadBits.get(sleep[d], t)) {
                    continue;
                }
                if (preBefore[d] + cost(d, t) <= bound) {
                    tried[d] = ThreadBits.fit(tried[d], t);
                    ThreadBits.set(tried[d], t);
                    if (d <= firstDeviation && Shards.owner(d, t, shardCount) != shardIndex) {
                        continue; // another shard's subtree: tried, not run
                    }
                    chosen[d] = t;
                    depth = d + 1;
                    replayLen = d + 1;
                    return true;
                }
                boundHitThisLevel = true;
            }
        }
        return false;
    }

    /** The first frame of the current path that deviates from the first choice; depth if none. */
    private int firstDeviation() {
        for (int d = 0; d < depth; d++) {
            if (chosen[d] != first[d]) {
                return d;
            }
        }
        return depth;
    }

    private int cost(int d, int t) {
        return curEnabled[d] && t != cur[d] ? 1 : 0;
    }

    @Override
    public Chooser chooser() {
        return this;
    }

    @Override
    public int choose(ChoicePoint p) {
        int d = p.step();
        if (d == 0) {
            preemptions = 0;
        }
        if (d < replayLen) {
            if (pinned[d] || p.pinned()) {
                if (!p.isEnabled(chosen[d])) {
                    return PRUNE; // pinned here, not before: the recorded choice cannot run
                }
                widen(d, p);
            }
            boolean same = pinned[d] || p.pinned() || ThreadBits.sameAsEnabled(enabled[d], p);
            if (!same
                    || warmUp.covers(d)
                            && (p.current() != cur[d]
                                    || d < replayLen - 1 // the last replayed frame branches
                                            && !Objects.equals(
                                                    p.pendingLabel(chosen[d]), labels[d]))) {
                if (warmUp.excuses(d)) {
                    return PRUNE;
                }
                if (!same) {
                    divergence = Masks.notDeterministic(p, d, enabled[d]);
                    return PRUNE;
                }
            }
            int c = chosen[d];
            preemptions = preBefore[d] + cost(d, c);
            if (reduction && d == replayLen - 1) {
                sleep[d + 1] = childSleep(d, c, sleep[d + 1]);
            }
            return c;
        }
        ensureCapacity(d + 1);
        warmUp.recorded(d);
        enabled[d] = ThreadBits.enabled(p, enabled[d]);
        pinned[d] = p.pinned();
        cur[d] = p.current();
        curEnabled[d] = p.currentEnabled();
        preBefore[d] = preemptions;
        ThreadBits.clearAll(tried[d]);
        depth = d + 1;
        if (d == 0) {
            ThreadBits.clearAll(sleep[0]);
        }
        long[] sl = sleep[d];
        if (reduction) {
            int n = p.threadCount();
            if (targets[d] == null || targets[d].length < n) {
                targets[d] = new Object[Math.max(n, 8)];
                accesses[d] = new Access[targets[d].length];
            }
            for (int i = 0; i < n; i++) {
                targets[d][i] = Dependence.target(p, i);
                accesses[d][i] = p.pendingAccess(i);
            }
        }
        int me = cur[d];
        boolean meAvailable = me >= 0 && p.isEnabled(me) && !ThreadBits.get(sl, me);
        int firstAvailable = -1;
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            if (!ThreadBits.get(sl, i)) {
                firstAvailable = i;
                break;
            }
        }
        if (firstAvailable < 0) {
            return PRUNE;
        }
        int c;
        if (!curEnabled[d] || meAvailable) {
            c = curEnabled[d] ? me : firstAvailable;
        } else if (preemptions + 1 > bound) {
            boundHitThisLevel = true;
            return PRUNE; // the current thread sleeps and switching would exceed the bound
        } else {
            c = firstAvailable;
        }
        tried[d] = ThreadBits.fit(tried[d], c);
        ThreadBits.set(tried[d], c);
        chosen[d] = c;
        first[d] = c;
        labels[d] = p.pendingLabel(c);
        preemptions += cost(d, c);
        if (reduction) {
            sleep[d + 1] = childSleep(d, c, sleep[d + 1]);
        }
        return c;
    }

    /**
     * A frame recorded at a pinned decision ({@link ChoicePoint#pinned()}) and replayed at an
     * unpinned one takes the replay's enabled set, so the threads it adds are tried there in turn.
     */
    private void widen(int d, ChoicePoint p) {
        if (pinned[d] && !p.pinned()) {
            enabled[d] = ThreadBits.enabled(p, enabled[d]);
            pinned[d] = false;
        }
    }

    /**
     * Threads asleep after taking {@code c} at frame {@code d}: explored there, and independent of
     * c; written into {@code into} (grown if needed).
     */
    private long[] childSleep(int d, int c, long[] into) {
        long[] result = into;
        ThreadBits.clearAll(result);
        Object tc = targets[d][c];
        Access ac = accesses[d][c];
        for (long[] from : new long[][] {sleep[d], tried[d]}) {
            for (int u = ThreadBits.next(from, 0); u >= 0; u = ThreadBits.next(from, u + 1)) {
                if (u != c && !Dependence.dependent(targets[d][u], accesses[d][u], tc, ac)) {
                    result = ThreadBits.fit(result, u);
                    ThreadBits.set(result, u);
                }
            }
        }
        return result;
    }

    private void ensureCapacity(int frames) {
        if (frames <= enabled.length) {
            return;
        }
        int n = Math.max(frames, enabled.length * 2);
        int old = enabled.length;
        enabled = Arrays.copyOf(enabled, n);
        tried = Arrays.copyOf(tried, n);
        sleep = Arrays.copyOf(sleep, n + 1);
        chosen = Arrays.copyOf(chosen, n);
        cur = Arrays.copyOf(cur, n);
        curEnabled = Arrays.copyOf(curEnabled, n);
        preBefore = Arrays.copyOf(preBefore, n);
        pinned = Arrays.copyOf(pinned, n);
        first = Arrays.copyOf(first, n);
        labels = Arrays.copyOf(labels, n);
        targets = Arrays.copyOf(targets, n);
        accesses = Arrays.copyOf(accesses, n);
        for (int d = old; d < n; d++) {
            enabled[d] = new long[1];
            tried[d] = new long[1];
        }
        for (int d = old; d <= n; d++) {
            if (sleep[d] == null) {
                sleep[d] = new long[1];
            }
        }
    }

    @Override
    public void runFinished(RunStatus status, int schedulePreemptions, long scheduleHash) {
        warmUp.runEnded(depth);
        if (status != RunStatus.PRUNED && schedulePreemptions == bound) {
            distinct++;
        }
    }

    @Override
    public String divergence() {
        return divergence;
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
        return boundLimited;
    }

    @Override
    public boolean randomized() {
        return false;
    }

    @Override
    public String describe() {
        return "exhaustive, preemption bound "
                + (maxBound == Integer.MAX_VALUE ? "none" : maxBound)
                + (reduction
                        ? ", sleep sets"
                        : reductionRequested
                                ? ", sleep sets off (they can skip schedules under a bound)"
                                : "")
                + Shards.describe(shardIndex, shardCount);
    }
}
