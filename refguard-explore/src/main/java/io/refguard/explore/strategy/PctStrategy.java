package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/**
 * Probabilistic Concurrency Testing: Burckhardt, Kothari, Musuvathi and Nagarakatte, "A
 * randomized scheduler with probabilistic guarantees of finding bugs", ASPLOS 2010.
 *
 * <p>Each run gives the threads distinct random priorities, all at least {@code depth}, and picks
 * {@code depth - 1} change points uniformly among the first {@code k} steps, where {@code k} is
 * the longest run seen so far. The highest-priority enabled thread always runs; at the
 * {@code i}-th change point the running thread's priority drops to {@code i}, below every
 * initial priority. A bug that needs {@code depth} ordering constraints among {@code n} threads
 * is found by one run with probability at least {@code 1 / (n * k^(depth-1))}.
 */
final class PctStrategy extends RandomizedStrategy {

    private static final int INITIAL_K = 64;

    private final int depth;
    private final long[] priority = new long[64];
    private final int[] changeAt;
    private int known;
    private int k = INITIAL_K;
    private int longest;

    PctStrategy(long seed, int depth) {
        super(seed);
        if (depth < 1) {
            throw new IllegalArgumentException("PCT depth must be at least 1, was " + depth);
        }
        this.depth = depth;
        this.changeAt = new int[depth - 1];
    }

    @Override
    void startRun() {
        if (longest > 0) {
            k = longest;
        }
        known = 0;
        for (int i = 0; i < changeAt.length; i++) {
            changeAt[i] = 1 + random.nextInt(k);
        }
    }

    @Override
    public int choose(ChoicePoint p) {
        int n = p.threadCount();
        while (known < n) {
            // threads met for the first time (the initial ones, then spawned ones) get a random
            // priority above every change-point priority
            priority[known++] = depth + (random.nextLong() >>> 8);
        }
        int s = p.step();
        if (s + 1 > longest) {
            longest = s + 1;
        }
        int me = p.current();
        if (me >= 0) {
            for (int i = 0; i < changeAt.length; i++) {
                if (changeAt[i] == s) {
                    priority[me] = i + 1;
                }
            }
        }
        return highest(p, priority);
    }

    @Override
    public String describe() {
        return "PCT depth " + depth + ", seed " + seed;
    }
}
