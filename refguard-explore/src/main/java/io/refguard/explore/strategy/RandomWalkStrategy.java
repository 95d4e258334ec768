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
        int k = random.nextInt(p.enabledCount());
        int i = p.nextEnabled(0);
        while (k-- > 0) {
            i = p.nextEnabled(i + 1);
        }
        return i;
    }

    @Override
    public String describe() {
        return "random walk, seed " + seed;
    }
}
