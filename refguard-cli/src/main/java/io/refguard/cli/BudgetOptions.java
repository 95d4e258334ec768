package io.refguard.cli;

import io.refguard.explore.BadOptionValue;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreSetting;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The search options of {@code explore}: the strategy and its budgets, each the text of one {@link
 * ExploreSetting}, checked as it is parsed and mapped onto {@link ExploreOptions} by the setting
 * itself, as system properties and the JUnit annotation are. An option not given keeps the
 * explorer's default, which its system property ({@code -Drefguard.explore.*}) may set.
 */
final class BudgetOptions {

    @Option(
            names = "--strategy",
            paramLabel = "NAME",
            converter = StrategyText.class,
            description =
                    "default (the bounded exhaustive search interleaved with randomized ones),"
                            + " exhaustive, random, pct, pos, surw, pct-races or dpor.")
    String strategy;

    @Option(
            names = "--preemption-bound",
            paramLabel = "N",
            converter = BoundText.class,
            description =
                    "Most preemptions per schedule of the exhaustive search (default 2), or 'none'.")
    String preemptionBound;

    @Option(
            names = "--max-runs",
            paramLabel = "N",
            converter = MaxRunsText.class,
            description = "Stop after N runs (default 1000000).")
    String maxRuns;

    @Option(
            names = "--max-time",
            paramLabel = "DURATION",
            converter = MaxTimeText.class,
            description =
                    "Stop starting runs after this long: 500ms, 30s, 2m or PT30S (default 60s).")
    String maxTime;

    @Option(
            names = "--seed",
            paramLabel = "N",
            converter = SeedText.class,
            description = "Seed of the random strategies: 42, 0x5EED or random (default 24301).")
    String seed;

    @Option(
            names = "--pct-depth",
            paramLabel = "N",
            converter = PctDepthText.class,
            description = "PCT's depth: ordering constraints the bug needs (default 3).")
    String pctDepth;

    @Option(
            names = "--max-steps",
            paramLabel = "N",
            converter = MaxStepsText.class,
            description = "Fail a run as a livelock after N steps (default 10000).")
    String maxSteps;

    @Option(
            names = "--run-timeout",
            paramLabel = "DURATION",
            converter = RunTimeoutText.class,
            description =
                    "Fail a run when a thread stays away from scheduling points this long (default 10s).")
    String runTimeout;

    @Option(
            names = "--shard",
            paramLabel = "I/N",
            converter = ShardText.class,
            description =
                    "Explore only shard I of N (I from 1 to N): run every shard, each with the same"
                            + " other options, and combine their --json results with refguard merge.")
    String shard;

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
        Map<ExploreSetting, String> given = new EnumMap<>(ExploreSetting.class);
        given.put(ExploreSetting.STRATEGY, strategy);
        given.put(ExploreSetting.PREEMPTION_BOUND, preemptionBound);
        given.put(ExploreSetting.MAX_RUNS, maxRuns);
        given.put(ExploreSetting.MAX_TIME, maxTime);
        given.put(ExploreSetting.SEED, seed);
        given.put(ExploreSetting.PCT_DEPTH, pctDepth);
        given.put(ExploreSetting.MAX_STEPS, maxSteps);
        given.put(ExploreSetting.RUN_TIMEOUT, runTimeout);
        given.put(ExploreSetting.SHARD, shard);
        given.put(ExploreSetting.SLEEP_SETS, sleepSets ? "true" : null);
        given.put(ExploreSetting.MINIMIZE, noMinimize ? "false" : null);
        ExploreOptions o = ExploreOptions.defaults();
        for (Map.Entry<ExploreSetting, String> e : given.entrySet()) {
            if (e.getValue() != null) {
                o = e.getKey().apply(o, e.getValue());
            }
        }
        if (o.shardCount() > 1 && o.strategy() == ExploreOptions.Strategy.DPOR) {
            throw new IllegalArgumentException(
                    "shard "
                            + o.shardIndex()
                            + "/"
                            + o.shardCount()
                            + " cannot be used with the dpor strategy, whose search is not split"
                            + " among shards; shard the exhaustive or default strategy, or run dpor"
                            + " unsharded");
        }
        return o;
    }

    /**
     * Checks an option's text with its setting's parser as picocli reads it, so that a bad value is
     * a usage error naming the option: {@code 'bfs' is not a strategy; use one of ...}.
     */
    abstract static class SettingText implements ITypeConverter<String> {
        private final ExploreSetting setting;

        SettingText(ExploreSetting setting) {
            this.setting = setting;
        }

        @Override
        public String convert(String value) {
            try {
                setting.check(value);
                return value;
            } catch (BadOptionValue e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class StrategyText extends SettingText {
        StrategyText() {
            super(ExploreSetting.STRATEGY);
        }
    }

    static final class BoundText extends SettingText {
        BoundText() {
            super(ExploreSetting.PREEMPTION_BOUND);
        }
    }

    static final class MaxRunsText extends SettingText {
        MaxRunsText() {
            super(ExploreSetting.MAX_RUNS);
        }
    }

    static final class MaxTimeText extends SettingText {
        MaxTimeText() {
            super(ExploreSetting.MAX_TIME);
        }
    }

    static final class SeedText extends SettingText {
        SeedText() {
            super(ExploreSetting.SEED);
        }
    }

    static final class PctDepthText extends SettingText {
        PctDepthText() {
            super(ExploreSetting.PCT_DEPTH);
        }
    }

    static final class MaxStepsText extends SettingText {
        MaxStepsText() {
            super(ExploreSetting.MAX_STEPS);
        }
    }

    static final class EarlyTimeoutsText extends SettingText {
        EarlyTimeoutsText() {
            super(ExploreSetting.EARLY_TIMEOUTS);
        }
    }

    static final class RunTimeoutText extends SettingText {
        RunTimeoutText() {
            super(ExploreSetting.RUN_TIMEOUT);
        }
    }

    static final class ShardText extends SettingText {
        ShardText() {
            super(ExploreSetting.SHARD);
        }
    }
}
