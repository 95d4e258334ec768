package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/**
 * Random walk: at every step, a thread drawn uniformly from the enabled ones. Cheap and unbiased
 * per step, but schedules with few preemptions at the right places are rare; prefer {@link
 * PctStrategy} for bugs of small depth in long runs.
 */
final class RandomWalkStrategy extends RandomizedStrategy {

    RandomWalkStrategy(long seed) {
        super(seed);
    }

    @Override
    void startRun() {}

    @Override
    public int choose(ChoicePoint p) {
        // the k-th enabled thread in id order: a few bit operations per 64 threads
        return p.nthEnabled(random.nextInt(p.enabledCount()));
    }

    @Override
    public String describe() {
        return "random walk, seed " + seed;
    }
}
