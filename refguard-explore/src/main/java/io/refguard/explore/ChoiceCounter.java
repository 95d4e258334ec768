package io.refguard.explore;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;

/**
 * Wraps a strategy's chooser to count what an exploration explored: scheduling points, and among
 * them choice points (where more than one thread could go on). Two bit operations per step.
 */
final class ChoiceCounter implements Chooser {

    private Chooser inner;
    long points;
    long choices;

    ChoiceCounter wrap(Chooser chooser) {
        this.inner = chooser;
        return this;
    }

    @Override
    public int choose(ChoicePoint point) {
        long e = point.enabled();
        points++;
        if ((e & (e - 1)) != 0) {
            choices++;
        }
        return inner.choose(point);
    }
}
