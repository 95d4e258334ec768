package io.refguard.explore;

import io.refguard.explore.replay.ReplayToken;
import java.util.function.BiFunction;

/**
 * The settings of {@link ExploreOptions} that can be written as text, each with its name, its
 * system property and the one mapping from text to options: {@link #apply} parses with the
 * setting's {@link OptionValues} parser and sets the value. Every source maps through it: {@link
 * ExploreOptions#defaults()} for the system properties, the command line for its options, the JUnit
 * extension for its annotation's attributes.
 */
public enum ExploreSetting {
    /** {@link ExploreOptions#strategy()}. */
    STRATEGY("strategy", (o, t) -> o.strategy(OptionValues.strategy(t))),
    /** {@link ExploreOptions#seed()}. */
    SEED("seed", (o, t) -> o.seed(OptionValues.seed(t))),
    /** {@link ExploreOptions#maxRuns()}. */
    MAX_RUNS("maxRuns", (o, t) -> o.maxRuns(OptionValues.count(t, Integer.MAX_VALUE * 1024L))),
    /** {@link ExploreOptions#maxTime()}. */
    MAX_TIME("maxTime", (o, t) -> o.maxTime(OptionValues.duration(t))),
    /** {@link ExploreOptions#preemptionBound()}. */
    PREEMPTION_BOUND("preemptionBound", (o, t) -> o.preemptionBound(OptionValues.bound(t))),
    /** {@link ExploreOptions#pctDepth()}. */
    PCT_DEPTH("pctDepth", (o, t) -> o.pctDepth((int) OptionValues.count(t, Integer.MAX_VALUE))),
    /** {@link ExploreOptions#maxSteps()}: at most the longest schedule a replay token holds. */
    MAX_STEPS("maxSteps", (o, t) -> o.maxSteps((int) OptionValues.count(t, ReplayToken.MAX_STEPS))),
    /** {@link ExploreOptions#runTimeout()}. */
    RUN_TIMEOUT("runTimeout", (o, t) -> o.runTimeout(OptionValues.duration(t))),
    /** {@link ExploreOptions#sleepSets()}. */
    SLEEP_SETS("sleepSets", (o, t) -> o.sleepSets(OptionValues.bool(t))),
    /** {@link ExploreOptions#minimize()}. */
    MINIMIZE("minimize", (o, t) -> o.minimize(OptionValues.bool(t))),
    /** {@link ExploreOptions#internalPoints()}. */
    INTERNAL_POINTS("internalPoints", (o, t) -> o.internalPoints(OptionValues.bool(t))),
    /** {@link ExploreOptions#earlyTimeouts()}. */
    EARLY_TIMEOUTS(
            "earlyTimeouts",
            (o, t) ->
                    o.earlyTimeouts(
                            (int) OptionValues.number(t, 0, ExploreOptions.MAX_EARLY_TIMEOUTS))),
    /** {@link ExploreOptions#flightRecord(java.nio.file.Path)}: a file name. */
    FLIGHT_RECORD("flightRecord", (o, t) -> o.flightRecord(OptionValues.path(t))),
    /** {@link ExploreOptions#shard(int, int)}: {@code i/N}, i from 1 to N. */
    SHARD(
            "shard",
            (o, t) -> {
                int[] s = OptionValues.shard(t);
                return o.shard(s[0], s[1]);
            });

    private final String key;
    private final BiFunction<ExploreOptions, String, ExploreOptions> apply;

    ExploreSetting(String key, BiFunction<ExploreOptions, String, ExploreOptions> apply) {
        this.key = key;
        this.apply = apply;
    }

    /** The setting's name, as the annotation attribute and the property's suffix spell it. */
    public String key() {
        return key;
    }

    /** The system property, such as {@code refguard.explore.maxTime}. */
    public String property() {
        return ExploreOptions.PREFIX + key;
    }

    /**
     * A copy of {@code options} with this setting read from {@code text}.
     *
     * @throws BadOptionValue when the text is not a value of this setting
     */
    public ExploreOptions apply(ExploreOptions options, String text) {
        return apply.apply(options, text);
    }

    /**
     * Checks that {@code text} is a value of this setting, reading no system property.
     *
     * @throws BadOptionValue when it is not
     */
    public void check(String text) {
        apply(ExploreOptions.builtIn(), text);
    }
}
