package io.refguard.explore;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of an exploration that found no failure. Immutable.
 *
 * @param scenario the scenario's name
 * @param strategy how it was explored, e.g. {@code exhaustive, preemption bound 2}
 * @param runs runs executed (the exhaustive search re-runs lower-bound schedules at each level, and
 *     pruned runs count too)
 * @param distinctSchedules distinct complete schedules among them
 * @param elapsed wall time of the whole exploration
 * @param stop why the exploration stopped
 * @param boundLimited true when schedules beyond the preemption bound exist and were not run
 * @param schedulingPoints scheduling points passed in all runs (each a decision of the strategy,
 *     thread starts included)
 * @param choicePoints the scheduling points at which more than one thread could go on: the
 *     decisions that made runs differ
 * @param spinHolds scheduling points at which a thread seen spinning (re-reading what nobody wrote)
 *     was held back (fair scheduling): schedules in which it acted first there were not run, which
 *     is sound only if a spinning thread changes nothing until another thread writes
 * @param earlyTimeouts how many of a thread's timed waits per run could time out at once ({@link
 *     ExploreOptions#earlyTimeouts()})
 * @param earlyTimeoutsHeldBack timed waits, over all runs, that would have timed out at once but
 *     for that limit: their thread had used up its early timeouts in the run, so they timed out
 *     only in order, and schedules in which they expired while other threads were slow were not run
 * @param coverage the orders of dependent steps the runs showed, and the estimate of what is left
 */
public record ExploreResult(
        String scenario,
        String strategy,
        long runs,
        long distinctSchedules,
        Duration elapsed,
        Stop stop,
        boolean boundLimited,
        long schedulingPoints,
        long choicePoints,
        long spinHolds,
        int earlyTimeouts,
        long earlyTimeoutsHeldBack,
        Coverage coverage) {

    /** Checks that the coverage is given: every verdict without a failure states it. */
    public ExploreResult {
        Objects.requireNonNull(coverage, "coverage");
    }

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

    /**
     * What the result guarantees, as a sentence: every schedule within the bound was run, or the
     * budget ran out first and other schedules may fail; then what the runs covered ({@link
     * Coverage}): for a search cut by a budget, how many orders of dependent steps that no run
     * showed a further run is expected to show.
     */
    public String guarantee() {
        return budgetGuarantee() + "; " + coverage.sentence(stop);
    }

    private String budgetGuarantee() {
        return switch (stop) {
            case EXHAUSTED -> exhaustedGuarantee() + fairnessCaveat() + earlyTimeoutCaveat();
            case MAX_RUNS -> "the run budget (maxRuns) was used up: other schedules may fail";
            case MAX_TIME -> "the time budget (maxTime) was used up: other schedules may fail";
            case REPLAYED -> "the token's one schedule passed: other schedules may fail";
        };
    }

    private String exhaustedGuarantee() {
        Matcher shard = SHARD.matcher(strategy);
        if (shard.find()) {
            // a shard's description ends with its name: its part alone is covered
            return "this shard's part of the search was run: every schedule it owns"
                    + (boundLimited ? " within the bound" : "")
                    + " ("
                    + strategy
                    + "); the whole search is covered only when all "
                    + shard.group(1)
                    + " shards pass: combine their results with refguard merge";
        }
        if (strategy.startsWith("dpor")) {
            return boundLimited
                    ? "a schedule of every class of equivalent schedules that has one within the"
                            + " bound was run ("
                            + strategy
                            + "); classes that need more preemptions were not; "
                            + EQUIVALENT
                    : "a schedule of every class of equivalent schedules was run ("
                            + strategy
                            + "); "
                            + EQUIVALENT;
        }
        return boundLimited
                ? "every schedule within the bound was run ("
                        + strategy
                        + "); schedules with more preemptions were not"
                : "every schedule was run (" + strategy + ")";
    }

    /**
     * What DPOR's classes rest on: it knows a step by its scheduling point alone (docs/EXPLORER.md,
     * "Why the default search does not use DPOR").
     */
    private static final String EQUIVALENT =
            "schedules count as equivalent by what each step's scheduling point names, so shared"
                    + " memory touched between points without a point of its own was not told apart";

    /** The end of a shard's strategy description, such as {@code , shard 2/4}. */
    private static final Pattern SHARD = Pattern.compile(", shard [0-9]+/([0-9]+)$");

    /** What fair scheduling left out, when it held a spinning thread back. */
    private String fairnessCaveat() {
        return spinHolds == 0
                ? ""
                : "; threads seen spinning were held back at "
                        + spinHolds
                        + " points until another thread wrote or stepped (fair scheduling), so"
                        + " schedules in which a spinning thread acted first were not run";
    }

    /** What the limit on early timeouts left out, when it kept a wait from timing out at once. */
    private String earlyTimeoutCaveat() {
        return earlyTimeoutsHeldBack == 0
                ? ""
                : "; each thread's timed waits timed out at once at most "
                        + earlyTimeouts
                        + (earlyTimeouts == 1 ? " time" : " times")
                        + " per run, so "
                        + earlyTimeoutsHeldBack
                        + (earlyTimeoutsHeldBack == 1 ? " later wait" : " later waits")
                        + " timed out only when no other thread could go on: schedules in which"
                        + " one thread's waits expire early more often were not run (raise"
                        + " earlyTimeouts; on the command line, --early-timeouts)";
    }

    /** Runs per second of wall time. */
    public double runsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : runs / s;
    }

    @Override
    public String toString() {
        return String.format(
                "scenario \"%s\": %s; %d runs, %d distinct schedules, %d choice points in %d ms"
                        + " (%.0f runs/s); stopped: %s%s; coverage: %d orders of dependent steps,"
                        + " %d seen in one run only, %s new per further run (Good-Turing)",
                scenario,
                strategy,
                runs,
                distinctSchedules,
                choicePoints,
                elapsed.toMillis(),
                runsPerSecond(),
                stop.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                boundLimited ? " (longer schedules exist beyond the preemption bound)" : "",
                coverage.orders(),
                coverage.seenOnce(),
                Coverage.number(coverage.unseen()));
    }
}
