package io.refguard.cli;

import io.refguard.explore.ExploreOptions;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The search options of {@code explore}: the strategy and its budgets, mapped onto {@link
 * ExploreOptions}. An option not given keeps the explorer's default, which its system property
 * ({@code -Drefguard.explore.*}) may set.
 */
final class BudgetOptions {

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            converter = StrategyConverter.class,
            description =
                    "default (the bounded exhaustive search interleaved with randomized ones),"
                            + " exhaustive, random, pct, pos, surw, pct-races or dpor.")
    ExploreOptions.Strategy strategy;

    @Option(
            names = "--preemption-bound",
            paramLabel = "N",
            converter = BoundConverter.class,
            description =
                    "Most preemptions per schedule of the exhaustive search (default 2), or 'none'.")
    Integer preemptionBound;

    @Option(
            names = "--max-runs",
            paramLabel = "N",
            description = "Stop after N runs (default 1000000).")
    Long maxRuns;

    @Option(
            names = "--max-time",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Stop starting runs after this long: 500ms, 30s, 2m or PT30S (default 60s).")
    Duration maxTime;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the random strategies (default 24301).")
    Long seed;

    @Option(
            names = "--pct-depth",
            paramLabel = "N",
            description = "PCT's depth: ordering constraints the bug needs (default 3).")
    Integer pctDepth;

    @Option(
            names = "--max-steps",
            paramLabel = "N",
            description = "Fail a run as a livelock after N steps (default 10000).")
    Integer maxSteps;

    @Option(
            names = "--run-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Fail a run when a thread stays away from scheduling points this long (default 10s).")
    Duration runTimeout;

    @Option(
            names = "--sleep-sets",
            description = "Prune schedules that only reorder independent steps (exhaustive only).")
    boolean sleepSets;

    @Option(
            names = "--no-minimize",
            description = "Report failures found at random as found, without simplifying them.")
    boolean noMinimize;

    /** The options: the explorer's defaults with every option given here applied. */
    ExploreOptions toOptions() {
        ExploreOptions o = ExploreOptions.defaults();
        if (strategy != null) {
            o = o.strategy(strategy);
        }
        if (preemptionBound != null) {
            o = o.preemptionBound(preemptionBound);
        }
        if (maxRuns != null) {
            o = o.maxRuns(maxRuns);
        }
        if (maxTime != null) {
            o = o.maxTime(maxTime);
        }
        if (seed != null) {
            o = o.seed(seed);
        }
        if (pctDepth != null) {
            o = o.pctDepth(pctDepth);
        }
        if (maxSteps != null) {
            o = o.maxSteps(maxSteps);
        }
        if (runTimeout != null) {
            o = o.runTimeout(runTimeout);
        }
        if (sleepSets) {
            o = o.sleepSets(true);
        }
        if (noMinimize) {
            o = o.minimize(false);
        }
        return o;
    }

    /** Reads a strategy name in any case. */
    static final class StrategyConverter implements ITypeConverter<ExploreOptions.Strategy> {
        @Override
        public ExploreOptions.Strategy convert(String value) {
            try {
                return ExploreOptions.Strategy.valueOf(
                        value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "'"
                                + value
                                + "' is not a strategy; use one of "
                                + ExploreOptions.Strategy.ids());
            }
        }
    }

    /** Reads a bound: a whole number from 0, or {@code none}. */
    static final class BoundConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.strip().equalsIgnoreCase("none")) {
                return Integer.MAX_VALUE;
            }
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException(
                    "'"
                            + value
                            + "' is not a preemption bound; use a whole"
                            + " number from 0, or none");
        }
    }

    /** Reads {@code 500ms}, {@code 30s}, {@code 2m} or an ISO-8601 duration. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = ExploreOptions.parseDuration(value).orElse(null);
            if (!ExploreOptions.usableDuration(d)) {
                throw new TypeConversionException(
                        "'"
                                + value
                                + "' is not a positive duration of at most"
                                + " 365 days; use for example 500ms, 30s, 2m or PT30S");
            }
            return d;
        }
    }
}
