package io.refguard.explore;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;

/**
 * Wraps a strategy's chooser to count what an exploration explored: scheduling points, and among
 * them choice points (where more than one thread could go on); and ends a run early, as pruned,
 * once the time budget is used up; and the orders of dependent steps the runs show ({@link
 * PairOrders}). A few bit operations per step, a short scan of the run's last steps, and a clock
 * read every 256.
 */
final class ChoiceCounter implements Chooser {

    private Chooser inner;
    long points;
    long choices;

    /** Points at which a spinning thread was held back (fair scheduling). */
    long spinHolds;

    /** {@code System.nanoTime()} past which runs end at their next point; 0 for never. */
    private long deadline;

    /** Whether the time budget ended a run before it finished. */
    boolean cut;

    /** The orders of dependent steps seen, for the result's coverage. */
    final PairOrders orders = new PairOrders();

    ChoiceCounter(long deadline) {
        this.deadline = deadline;
    }

    /** Wraps the chooser of the next run. */
    ChoiceCounter wrap(Chooser chooser) {
        this.inner = chooser;
        orders.startRun();
        return this;
    }

    @Override
    public int choose(ChoicePoint point) {
        if ((++points & 255) == 0 && deadline != 0 && System.nanoTime() - deadline >= 0) {
            // the time budget is used up: end this run now, not only between runs
            cut = true;
            deadline = 0;
            return PRUNE;
        }
        if (point.enabledCount() > 1) {
            choices++;
        }
        if (point.spinnerHeldBack()) {
            spinHolds++;
        }
        int chosen = inner.choose(point);
        if (chosen >= 0) {
            orders.step(point, chosen);
        }
        return chosen;
    }
}
