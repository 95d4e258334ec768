package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.RunStatus;
import java.util.Arrays;

/**
 * Selectively uniform random walk (SURW): "Selectively Uniform Concurrency Testing", ASPLOS 2025.
 *
 * <p>A random walk that picks each enabled thread with equal probability over-samples the
 * interleavings in which threads with few steps run early. Picking a thread with probability
 * proportional to the number of steps it has left samples the interleavings of the steps uniformly
 * instead (the number of ways to finish is a multinomial coefficient, and the weights split it
 * exactly). SURW applies this to a selected subset of <em>interesting</em> steps only: a thread
 * keeps running while its next step is not interesting, and at an interesting step the next thread
 * is drawn with weight equal to its remaining interesting steps.
 *
 * <p>Here the steps are grouped by the object they touch, known across runs by its name or class
 * ({@link ObjectKeys}); each run selects every object seen so far with probability 1/2 (all of them
 * if none is drawn), and a thread's remaining interesting steps are estimated from its counts in
 * the previous run. Every enabled thread weighs at least 1, so no interleaving of the interesting
 * steps is excluded. A bug among many threads that needs one thread to run between two steps of
 * another on the same objects is found with probability about 1/4 per run in which those objects
 * are selected, whatever the number of threads.
 */
final class SurwStrategy extends RandomizedStrategy {

    private final ObjectKeys objectKeys = new ObjectKeys();
    private int keys;
    private boolean[] selected = new boolean[16];

    /** Interesting-step counts per thread and key: of the last complete run, and of this one. */
    private int[][] last = new int[0][];

    private int[][] current = new int[0][];
    private int[] remaining = new int[64];
    private long[] weight = new long[64];
    private int threadsLastRun;
    private int threadsThisRun;

    SurwStrategy(long seed) {
        super(seed);
    }

    @Override
    void startRun() {
        boolean any = false;
        for (int k = 0; k < keys; k++) {
            selected[k] = (random.nextLong() & 1) == 0;
            any |= selected[k];
        }
        if (!any) {
            Arrays.fill(selected, 0, keys, true);
        }
        for (int t = 0; t < threadsLastRun; t++) {
            int r = 0;
            int[] c = last[t];
            for (int k = 0; k < c.length && k < keys; k++) {
                if (selected[k]) {
                    r += c[k];
                }
            }
            remaining[t] = r;
        }
        for (int t = 0; t < current.length; t++) {
            Arrays.fill(current[t], 0);
        }
        threadsThisRun = 0;
    }

    @Override
    public int choose(ChoicePoint p) {
        int n = p.threadCount();
        grow(n);
        while (threadsThisRun < n) {
            if (threadsThisRun >= threadsLastRun) {
                remaining[threadsThisRun] = 0;
            }
            threadsThisRun++;
        }
        int me = p.current();
        int c;
        if (me >= 0 && p.currentEnabled() && !interesting(p, me)) {
            c = me;
        } else {
            c = draw(p);
        }
        int key = key(p, c);
        current[c] = count(current[c], key);
        if (!p.pendingStart(c) && key < selected.length && selected[key]) {
            remaining[c]--;
        }
        return c;
    }

    /** An enabled thread, with probability proportional to its remaining interesting steps. */
    private int draw(ChoicePoint p) {
        long total = 0;
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            weight[i] = Math.max(1, remaining[i]);
            total += weight[i];
        }
        long r = (random.nextLong() >>> 1) % total;
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            r -= weight[i];
            if (r < 0) {
                return i;
            }
        }
        return p.nextEnabled(0);
    }

    private boolean interesting(ChoicePoint p, int t) {
        if (p.pendingStart(t)) {
            return false;
        }
        int k = key(p, t);
        return k < keys && selected[k];
    }

    /** The key of the object thread {@code t}'s next step touches (see {@link ObjectKeys}). */
    private int key(ChoicePoint p, int t) {
        int k = objectKeys.key(p, t);
        if (k >= keys) {
            keys = k + 1;
            if (keys > selected.length) {
                selected = Arrays.copyOf(selected, keys * 2);
            }
            // a key first met in this run is interesting in it, as when nothing is known
            selected[k] = true;
        }
        return k;
    }

    private static int[] count(int[] counts, int key) {
        int[] c =
                key < counts.length
                        ? counts
                        : Arrays.copyOf(counts, Math.max(key + 1, counts.length * 2));
        c[key]++;
        return c;
    }

    private void grow(int n) {
        if (n > current.length) {
            int size = Math.max(n, current.length * 2);
            int old = current.length;
            current = Arrays.copyOf(current, size);
            last = Arrays.copyOf(last, size);
            for (int t = old; t < size; t++) {
                current[t] = new int[8];
                last[t] = new int[0];
            }
        }
        if (n > remaining.length) {
            remaining = Arrays.copyOf(remaining, Math.max(n, remaining.length * 2));
            weight = Arrays.copyOf(weight, remaining.length);
        }
    }

    @Override
    public void runFinished(RunStatus status, int preemptions, long scheduleHash) {
        super.runFinished(status, preemptions, scheduleHash);
        if (status == RunStatus.PRUNED) {
            return;
        }
        for (int t = 0; t < threadsThisRun; t++) {
            int[] c = current[t];
            if (last[t].length < c.length) {
                last[t] = new int[c.length];
            }
            System.arraycopy(c, 0, last[t], 0, c.length);
        }
        threadsLastRun = threadsThisRun;
    }

    @Override
    public String describe() {
        return "SURW, seed " + seed;
    }
}
