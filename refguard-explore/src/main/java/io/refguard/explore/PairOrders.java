package io.refguard.explore;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.strategy.Dependence;
import io.refguard.hook.Access;

/**
 * Counts the orders of dependent steps an exploration's runs show, for {@link Coverage}: the
 * incidence counts of species discovery (how many runs saw each order), from which the Good-Turing
 * estimate of an unseen order follows (Good 1953; Böhme, "STADS", TOSEM 2018).
 *
 * <p>Each step is paired with the latest earlier step of every other thread that it depends on
 * ({@link Dependence}), among the run's last {@link #WINDOW} steps; the pair is kept as the hashes
 * of the two steps' threads and labels, in the order they ran (two threads running the same code
 * give two orders, one per thread first). Per step: a scan of a small ring of the run's last steps,
 * no allocation; the table of orders is bounded ({@link #MAX_ORDERS}), after which new orders are
 * no longer counted.
 */
final class PairOrders {

    /** The run's steps looked back at for each step; a power of two. */
    static final int WINDOW = 32;

    /** The most orders counted (the table then holds at most twice as many slots). */
    static final int MAX_ORDERS = 1 << 16;

    // the run's last WINDOW steps, a ring indexed by step number
    private final Object[] targets = new Object[WINDOW];
    private final Access[] accesses = new Access[WINDOW];
    private final int[] labels = new int[WINDOW];
    private final int[] threads = new int[WINDOW];
    private int steps;

    // the orders seen: open addressing on the pair's key, with the last run that saw it and
    // whether more than one run did
    private long[] keys = new long[256];
    private int[] lastRun = new int[256];
    private boolean[] again = new boolean[256];
    private int size;
    private long seenOnce;
    private boolean capped;
    private int run;

    /** Starts counting a new run. */
    void startRun() {
        run++;
        steps = 0;
    }

    /** Thread {@code chosen} performs its announced step at {@code p}. */
    void step(ChoicePoint p, int chosen) {
        if (p.pendingStart(chosen)) {
            return; // a thread's start commutes with every step
        }
        Object target = Dependence.target(p, chosen);
        Access access = p.pendingAccess(chosen);
        int label = 31 * hash(p.threadName(chosen)) + hash(p.pendingLabel(chosen));
        int back = Math.min(steps, WINDOW);
        long paired = 0; // threads (modulo 64) already paired with this step
        for (int k = 1; k <= back; k++) {
            int i = (steps - k) & (WINDOW - 1);
            int u = threads[i];
            long bit = 1L << u;
            if (u == chosen || (paired & bit) != 0) {
                continue;
            }
            if (Dependence.dependent(targets[i], accesses[i], target, access)) {
                paired |= bit;
                record(((long) labels[i] << 32) | (label & 0xFFFF_FFFFL));
            }
        }
        int i = steps & (WINDOW - 1);
        targets[i] = target;
        accesses[i] = access;
        labels[i] = label;
        threads[i] = chosen;
        steps++;
    }

    private static int hash(String s) {
        return s == null ? 0 : s.hashCode(); // cached by the string
    }

    private void record(long pair) {
        long key = pair == 0 ? 0x9E37_79B9_7F4A_7C15L : pair;
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                if (lastRun[i] != run) {
                    lastRun[i] = run;
                    if (!again[i]) {
                        again[i] = true;
                        seenOnce--;
                    }
                }
                return;
            }
            i = (i + 1) & mask;
        }
        if (size >= MAX_ORDERS) {
            capped = true;
            return;
        }
        keys[i] = key;
        lastRun[i] = run;
        size++;
        seenOnce++;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRuns = lastRun;
        boolean[] oldAgain = again;
        keys = new long[oldKeys.length * 2];
        lastRun = new int[keys.length];
        again = new boolean[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                lastRun[i] = oldRuns[j];
                again[i] = oldAgain[j];
            }
        }
    }

    /** What the runs so far showed. */
    Coverage coverage() {
        return new Coverage(size, seenOnce, run, capped);
    }
}
