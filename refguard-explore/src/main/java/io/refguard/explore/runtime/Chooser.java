package io.refguard.explore.runtime;

/**
 * Decides, at every scheduling point of one run, which thread runs next. Implemented by the search
 * strategies; called on whichever thread holds the baton, while every other managed thread is
 * paused, so implementations need no synchronization but must not block.
 *
 * <p>Search-path contract: called once per step, it should neither allocate nor walk stacks.
 */
@FunctionalInterface
public interface Chooser {

    /** Returned by {@link #choose} to end the run early as redundant (no failure is reported). */
    int PRUNE = -1;

    /**
     * Picks the next thread.
     *
     * @return a thread id for which {@link ChoicePoint#isEnabled(int)} holds, or {@link #PRUNE}
     */
    int choose(ChoicePoint point);
}
