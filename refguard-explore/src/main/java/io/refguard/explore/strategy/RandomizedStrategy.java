package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;

/**
 * Common ground of the random strategies: run {@code r} draws from a generator seeded with {@code
 * SplitMix.mix(seed, r)}, so any run is reproducible from the exploration's seed and its index; the
 * search never ends by itself (the explorer's run and time budgets end it).
 */
abstract class RandomizedStrategy implements Search, Chooser {

    final long seed;
    final SplitMix random = new SplitMix();
    private final LongSet seen = new LongSet();
    private long run;
    private long distinct;

    RandomizedStrategy(long seed) {
        this.seed = seed;
    }

    @Override
    public final boolean hasNextRun() {
        random.reseed(SplitMix.mix(seed, run++));
        startRun();
        return true;
    }

    /** Draws the run's random parameters; {@link #random} is already seeded for this run. */
    abstract void startRun();

    @Override
    public final Chooser chooser() {
        return this;
    }

    @Override
    public void runFinished(RunStatus status, int preemptions, long scheduleHash) {
        if (status != RunStatus.PRUNED && seen.add(scheduleHash)) {
            distinct++;
        }
    }

    @Override
    public String divergence() {
        return null;
    }

    @Override
    public long distinctSchedules() {
        return distinct;
    }

    @Override
    public boolean exhausted() {
        return false;
    }

    @Override
    public boolean boundLimited() {
        return false;
    }

    @Override
    public boolean randomized() {
        return true;
    }

    /** The highest-priority enabled thread, by {@code priority}. */
    static int highest(ChoicePoint p, long[] priority) {
        int best = -1;
        long bestPriority = Long.MIN_VALUE;
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            if (best < 0 || priority[i] > bestPriority) {
                best = i;
                bestPriority = priority[i];
            }
        }
        return best;
    }
}
