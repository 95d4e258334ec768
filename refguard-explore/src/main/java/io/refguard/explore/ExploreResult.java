package io.refguard.explore;

import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of an exploration that found no failure. Immutable.
 *
 * @param scenario the scenario's name
 * @param strategy how it was explored, e.g. {@code exhaustive, preemption bound 2}
 * @param runs runs executed (the exhaustive search re-runs lower-bound schedules at each level,
 *     and pruned runs count too)
 * @param distinctSchedules distinct complete schedules among them
 * @param elapsed wall time of the whole exploration
 * @param stop why the exploration stopped
 * @param boundLimited true when schedules beyond the preemption bound exist and were not run
 */
public record ExploreResult(String scenario, String strategy, long runs, long distinctSchedules,
        Duration elapsed, Stop stop, boolean boundLimited) {

    /** Why an exploration stopped without a failure. */
    public enum Stop {
        /** Every schedule within the bound was run: a guarantee, up to that bound. */
        EXHAUSTED,
        /** The run budget ({@code maxRuns}) was used up: no guarantee. */
        MAX_RUNS,
        /** The time budget ({@code maxTime}) was used up: no guarantee. */
        MAX_TIME,
        /** A replay token's schedule ran once and passed. */
        REPLAYED
    }

    /** Whether the search covered its whole space (within the bound, see {@link #boundLimited}). */
    public boolean exhausted() {
        return stop == Stop.EXHAUSTED;
    }

    /** Runs per second of wall time. */
    public double runsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : runs / s;
    }

    @Override
    public String toString() {
        return String.format("scenario \"%s\": %s; %d runs, %d distinct schedules in %d ms (%.0f runs/s);"
                + " stopped: %s%s", scenario, strategy, runs, distinctSchedules, elapsed.toMillis(),
                runsPerSecond(), stop.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                boundLimited ? " (longer schedules exist beyond the preemption bound)" : "");
    }
}
