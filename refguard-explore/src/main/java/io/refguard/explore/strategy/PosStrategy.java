package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/**
 * Partial Order Sampling: Yuan, Yang and Gu, "Partial Order Aware Concurrency Sampling", CAV 2018.
 * Every pending operation carries a random priority and the highest-priority enabled one runs.
 * After an operation runs, the operations that race with it (dependent: same target and not both
 * reads, or unknown) get fresh random priorities, as does the next operation of the thread that
 * ran. This samples partial orders far more evenly than a random walk, which over-samples
 * interleavings that differ only in the order of independent steps.
 */
final class PosStrategy extends RandomizedStrategy {

    private long[] priority = new long[64];
    private int known;

    PosStrategy(long seed) {
        super(seed);
    }

    @Override
    void startRun() {
        known = 0;
    }

    @Override
    public int choose(ChoicePoint p) {
        int n = p.threadCount();
        if (n > priority.length) {
            priority = java.util.Arrays.copyOf(priority, Math.max(n, priority.length * 2));
        }
        while (known < n) {
            priority[known++] = random.nextLong();
        }
        int c = highest(p, priority);
        // in id order, as the generator's draws must come; the runtime finds the racing threads
        // through its index of targets, in time proportional to how many there are
        for (int u = p.nextDependent(c, 0); u >= 0; u = p.nextDependent(c, u + 1)) {
            priority[u] = random.nextLong();
        }
        priority[c] = random.nextLong();
        return c;
    }

    @Override
    public String describe() {
        return "POS, seed " + seed;
    }
}
