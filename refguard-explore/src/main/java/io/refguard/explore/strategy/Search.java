package io.refguard.explore.strategy;

import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;

/**
 * A search over the schedules of one scenario: it hands out one {@link Chooser} per run and learns
 * from how each run ended. Created through {@link Strategies}; used by one driver thread.
 *
 * <p>Protocol: {@code while (hasNextRun()) { engine.run(..., chooser(), ...); runFinished(...); }}.
 */
public interface Search {

    /** Prepares the next run; false when there is nothing left to explore. */
    boolean hasNextRun();

    /** The chooser for the run prepared by the last {@link #hasNextRun()}. */
    Chooser chooser();

    /**
     * Reports how the prepared run ended.
     *
     * @param preemptions the preemptions in the run's schedule
     * @param scheduleHash the engine's hash of the run's schedule
     */
    void runFinished(RunStatus status, int preemptions, long scheduleHash);

    /**
     * Set when a run did not follow the schedule the strategy asked for: the scenario behaved
     * differently on the same schedule (it is not deterministic), or a replayed schedule does not
     * fit it. A message for the user, or null.
     */
    String divergence();

    /**
     * Set when the strategy cannot explore the scenario at all, a limit of the search such as the
     * most threads it handles: a message saying what and what to use instead, or null.
     */
    default String limit() {
        return null;
    }

    /** Distinct schedules run so far (pruned runs excluded). */
    long distinctSchedules();

    /**
     * Whether every schedule within the strategy's bound was explored. Only the exhaustive search
     * can exhaust; the random strategies never do.
     */
    boolean exhausted();

    /**
     * Whether schedules beyond the preemption bound were left out: true when the bound cut the
     * search, false when the explored schedules are all there are.
     */
    boolean boundLimited();

    /** Whether runs are drawn at random; their failures are worth minimizing. */
    boolean randomized();

    /** A short human-readable description, e.g. {@code exhaustive, preemption bound 2}. */
    String describe();
}
