package io.refguard.explore;

import io.refguard.explore.replay.ReplayToken;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to explore a scenario: the strategy, its parameters and the budgets. Immutable; every {@code
 * with}-style method returns a copy.
 *
 * <p>Each setting has a system property and a default. {@link #defaults()} reads the properties,
 * and every factory starts from {@code defaults()} and then sets its strategy, so code wins over
 * properties for what it sets explicitly. The one exception is {@code refguard.explore.replay}:
 * set, it replays its token in every exploration of the scenario it belongs to, whatever the
 * options say, so a failing test can be re-run without editing it.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>system property</th><th>default</th></tr>
 * <tr><td>{@link #strategy}</td><td>{@code refguard.explore.strategy}
 *     ({@code default|exhaustive|random|pct|pos|surw|pct-races|dpor})</td><td>{@code default}</td></tr>
 * <tr><td>{@link #seed}</td><td>{@code refguard.explore.seed} (a number, or {@code random})</td>
 *     <td>{@value #DEFAULT_SEED}</td></tr>
 * <tr><td>{@link #maxRuns}</td><td>{@code refguard.explore.maxRuns}</td>
 *     <td>{@value #DEFAULT_MAX_RUNS}</td></tr>
 * <tr><td>{@link #maxTime}</td><td>{@code refguard.explore.maxTime} ({@code 30s}, {@code 500ms},
 *     {@code 2m} or ISO-8601)</td><td>60s</td></tr>
 * <tr><td>{@link #preemptionBound}</td><td>{@code refguard.explore.preemptionBound}
 *     ({@code none} for unbounded)</td><td>{@value #DEFAULT_PREEMPTION_BOUND}</td></tr>
 * <tr><td>{@link #pctDepth}</td><td>{@code refguard.explore.pctDepth}</td>
 *     <td>{@value #DEFAULT_PCT_DEPTH}</td></tr>
 * <tr><td>{@link #maxSteps}</td><td>{@code refguard.explore.maxSteps}</td>
 *     <td>{@value #DEFAULT_MAX_STEPS}</td></tr>
 * <tr><td>{@link #runTimeout}</td><td>{@code refguard.explore.runTimeout}</td><td>10s</td></tr>
 * <tr><td>{@link #sleepSets}</td><td>{@code refguard.explore.sleepSets}</td><td>false</td></tr>
 * <tr><td>{@link #minimize}</td><td>{@code refguard.explore.minimize}</td><td>true</td></tr>
 * <tr><td>{@link #internalPoints}</td><td>{@code refguard.explore.internalPoints}</td><td>false</td></tr>
 * <tr><td>{@link #earlyTimeouts}</td><td>{@code refguard.explore.earlyTimeouts}</td>
 *     <td>{@value #DEFAULT_EARLY_TIMEOUTS}</td></tr>
 * <tr><td>{@link #flightRecord}</td><td>{@code refguard.explore.flightRecord} (a file)</td>
 *     <td>none</td></tr>
 * <tr><td>{@link #shard(int, int) shard}</td><td>{@code refguard.explore.shard} ({@code i/N}, i from 1
 *     to N)</td><td>{@code 1/1}</td></tr>
 * <tr><td>{@link #replay}</td><td>{@code refguard.explore.replay}</td><td>none</td></tr>
 * </table>
 */
public final class ExploreOptions {

    /** The search strategies; {@link #id()} is the name settings and the command line use. */
    public enum Strategy {
        /**
         * The default: the exhaustive search within the preemption bound interleaved, run by run,
         * with POS, PCT at depths 1 to 3, PCT over racing steps, SURW and a random walk, in one
         * budget. Ends "verified within the bound" when the exhaustive part has covered it; a
         * failure found at random is simplified toward the fewest preemptions. See docs/EXPLORER.md
         * for why this mix.
         */
        DEFAULT,
        /**
         * Depth-first search of every schedule within the preemption bound, fewest preemptions
         * first.
         */
        EXHAUSTIVE,
        /** Uniform random walk over enabled threads. */
        RANDOM,
        /** Probabilistic Concurrency Testing with depth {@link #pctDepth}. */
        PCT,
        /** Partial Order Sampling. */
        POS,
        /**
         * Selectively uniform random walk: uniform over interleavings of a random subset of
         * objects.
         */
        SURW,
        /** PCT with depth {@link #pctDepth} whose change points fall only on racing steps. */
        PCT_RACES,
        /**
         * Dynamic partial-order reduction: one schedule per class of schedules equal up to
         * reordering independent steps. Within {@link #preemptionBound} it is bounded partial-order
         * reduction (every class with a schedule inside the bound is run); with no bound it uses
         * sleep sets ({@link #sleepSets} does not apply).
         */
        DPOR;

        /** The name in settings and on the command line, such as {@code pct-races}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Every {@link #id()}, comma-separated, for messages. */
        public static String ids() {
            StringBuilder sb = new StringBuilder();
            for (Strategy s : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(s.id());
            }
            return sb.toString();
        }
    }

    /** Default seed of the random strategies. */
    public static final long DEFAULT_SEED = 0x5EEDL;

    /** Default run budget. */
    public static final long DEFAULT_MAX_RUNS = 1_000_000L;

    /** Default preemption bound of the exhaustive search. */
    public static final int DEFAULT_PREEMPTION_BOUND = 2;

    /** Default PCT depth. */
    public static final int DEFAULT_PCT_DEPTH = 3;

    /** Default step bound of one run. */
    public static final int DEFAULT_MAX_STEPS = 10_000;

    /** Default number of a thread's timed waits per run that may time out at once. */
    public static final int DEFAULT_EARLY_TIMEOUTS = 1;

    /** The most early timeouts per thread and run that {@link #earlyTimeouts} accepts. */
    public static final int MAX_EARLY_TIMEOUTS = 16;

    /** The most shards one exploration may be split into. */
    public static final int MAX_SHARDS = 10_000;

    static final String PREFIX = "refguard.explore.";

    private final Strategy strategy;
    private final long seed;
    private final long maxRuns;
    private final Duration maxTime;
    private final int preemptionBound;
    private final int pctDepth;
    private final int maxSteps;
    private final Duration runTimeout;
    private final boolean sleepSets;
    private final boolean minimize;
    private final boolean internalPoints;
    private final int earlyTimeouts;
    private final java.nio.file.Path flightRecord;
    private final int shardIndex;
    private final int shardCount;
    private final String replay;
    private final Consumer<String> progress;

    private ExploreOptions(Fields f) {
        this.strategy = f.strategy;
        this.seed = f.seed;
        this.maxRuns = f.maxRuns;
        this.maxTime = f.maxTime;
        this.preemptionBound = f.preemptionBound;
        this.pctDepth = f.pctDepth;
        this.maxSteps = f.maxSteps;
        this.runTimeout = f.runTimeout;
        this.sleepSets = f.sleepSets;
        this.minimize = f.minimize;
        this.internalPoints = f.internalPoints;
        this.earlyTimeouts = f.earlyTimeouts;
        this.flightRecord = f.flightRecord;
        this.shardIndex = f.shardIndex;
        this.shardCount = f.shardCount;
        this.replay = f.replay;
        this.progress = f.progress;
    }

    /** The settings while a copy is made: every wither changes one of them. */
    private static final class Fields {
        Strategy strategy;
        long seed;
        long maxRuns;
        Duration maxTime;
        int preemptionBound;
        int pctDepth;
        int maxSteps;
        Duration runTimeout;
        boolean sleepSets;
        boolean minimize;
        boolean internalPoints;
        int earlyTimeouts;
        java.nio.file.Path flightRecord;
        int shardIndex;
        int shardCount;
        String replay;
        Consumer<String> progress;

        Fields() {}

        Fields(ExploreOptions o) {
            strategy = o.strategy;
            seed = o.seed;
            maxRuns = o.maxRuns;
            maxTime = o.maxTime;
            preemptionBound = o.preemptionBound;
            pctDepth = o.pctDepth;
            maxSteps = o.maxSteps;
            runTimeout = o.runTimeout;
            sleepSets = o.sleepSets;
            minimize = o.minimize;
            internalPoints = o.internalPoints;
            earlyTimeouts = o.earlyTimeouts;
            flightRecord = o.flightRecord;
            shardIndex = o.shardIndex;
            shardCount = o.shardCount;
            replay = o.replay;
            progress = o.progress;
        }
    }

    private ExploreOptions with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new ExploreOptions(f);
    }

    /** The options given by the system properties, each unset one at its default. */
    public static ExploreOptions defaults() {
        return OptionProperties.apply(BUILT_IN);
    }

    /** Every setting at its built-in default, whatever the system properties say. */
    static ExploreOptions builtIn() {
        return BUILT_IN;
    }

    private static final ExploreOptions BUILT_IN = builtInDefaults();

    private static ExploreOptions builtInDefaults() {
        Fields f = new Fields();
        f.strategy = Strategy.DEFAULT;
        f.seed = DEFAULT_SEED;
        f.maxRuns = DEFAULT_MAX_RUNS;
        f.maxTime = Duration.ofSeconds(60);
        f.preemptionBound = DEFAULT_PREEMPTION_BOUND;
        f.pctDepth = DEFAULT_PCT_DEPTH;
        f.maxSteps = DEFAULT_MAX_STEPS;
        f.runTimeout = Duration.ofSeconds(10);
        f.sleepSets = false;
        f.minimize = true;
        f.internalPoints = false;
        f.earlyTimeouts = DEFAULT_EARLY_TIMEOUTS;
        f.shardIndex = 1;
        f.shardCount = 1;
        return new ExploreOptions(f);
    }

    /**
     * Parses a duration as every refguard setting writes it: {@code 500ms}, {@code 30s}, {@code
     * 2m}, or ISO-8601 such as {@code PT30S} (any case, surrounding blanks ignored).
     *
     * @return the duration, or empty when {@code text} is not one
     */
    public static Optional<Duration> parseDuration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            }
            if (s.endsWith("ms")) {
                return Optional.of(
                        Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip())));
            }
            if (s.endsWith("s")) {
                return Optional.of(
                        Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            }
            if (s.endsWith("m")) {
                return Optional.of(
                        Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // not a duration, or one beyond what Duration holds
        }
        return Optional.empty();
    }

    /**
     * The longest {@code maxTime} or {@code runTimeout} accepted: 365 days. Longer ones cannot be
     * meant, and near {@code Long.MAX_VALUE} they would overflow the clock arithmetic.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

    /**
     * Whether {@code d} is a usable {@code maxTime} or {@code runTimeout}: positive, at most 365
     * days.
     */
    public static boolean usableDuration(Duration d) {
        return d != null && !d.isNegative() && !d.isZero() && d.compareTo(MAX_DURATION) <= 0;
    }

    /** Exhaustive search within the preemption bound ({@link #defaults()} otherwise). */
    public static ExploreOptions exhaustive() {
        return defaults().strategy(Strategy.EXHAUSTIVE);
    }

    /**
     * Dynamic partial-order reduction ({@link #defaults()} otherwise): explores at least one
     * schedule per class of schedules equal up to the order of independent steps that has a
     * schedule within {@link #preemptionBound} (bounded partial-order reduction); with {@code
     * preemptionBound(Integer.MAX_VALUE)}, every class, pruned further by sleep sets.
     */
    public static ExploreOptions dpor() {
        return defaults().strategy(Strategy.DPOR);
    }

    /** Selectively uniform random walk, SURW ({@link #defaults()} otherwise). */
    public static ExploreOptions surw() {
        return defaults().strategy(Strategy.SURW);
    }

    /** PCT over racing steps with the given depth ({@link #defaults()} otherwise). */
    public static ExploreOptions pctRaces(int depth) {
        return defaults().strategy(Strategy.PCT_RACES).pctDepth(depth);
    }

    /**
     * The default search, whatever {@code refguard.explore.strategy} says ({@link #defaults()}
     * otherwise): exhaustive within the bound, interleaved with randomized searches.
     */
    public static ExploreOptions defaultSearch() {
        return defaults().strategy(Strategy.DEFAULT);
    }

    /** Random walk ({@link #defaults()} otherwise). */
    public static ExploreOptions random() {
        return defaults().strategy(Strategy.RANDOM);
    }

    /** PCT with the given depth ({@link #defaults()} otherwise). */
    public static ExploreOptions pct(int depth) {
        return defaults().strategy(Strategy.PCT).pctDepth(depth);
    }

    /** Partial Order Sampling ({@link #defaults()} otherwise). */
    public static ExploreOptions pos() {
        return defaults().strategy(Strategy.POS);
    }

    /** Replays the schedule of {@code token} once ({@link #defaults()} otherwise). */
    public static ExploreOptions replay(String token) {
        return defaults().withReplay(token);
    }

    /** A copy with the given strategy. */
    public ExploreOptions strategy(Strategy s) {
        Objects.requireNonNull(s, "strategy");
        return with(f -> f.strategy = s);
    }

    /** A copy with the given seed for the random strategies. */
    public ExploreOptions seed(long s) {
        return with(f -> f.seed = s);
    }

    /** A copy that stops after {@code n} runs (at least 1). */
    public ExploreOptions maxRuns(long n) {
        OptionProperties.require(n >= 1, "maxRuns must be at least 1, was " + n);
        return with(f -> f.maxRuns = n);
    }

    /** A copy that stops starting runs after {@code d} of wall time. */
    public ExploreOptions maxTime(Duration d) {
        OptionProperties.require(
                usableDuration(d), "maxTime must be positive and at most 365 days, was " + d);
        return with(f -> f.maxTime = d);
    }

    /**
     * A copy with the preemption bound of the systematic searches (exhaustive, DPOR and the
     * default's exhaustive part); {@link Integer#MAX_VALUE} for none.
     */
    public ExploreOptions preemptionBound(int b) {
        OptionProperties.require(b >= 0, "preemptionBound must be at least 0, was " + b);
        return with(f -> f.preemptionBound = b);
    }

    /** A copy with PCT's depth: the number of ordering constraints a bug needs (at least 1). */
    public ExploreOptions pctDepth(int d) {
        OptionProperties.require(d >= 1, "pctDepth must be at least 1, was " + d);
        return with(f -> f.pctDepth = d);
    }

    /** A copy whose runs fail as livelock after {@code n} steps. */
    public ExploreOptions maxSteps(int n) {
        OptionProperties.require(
                n >= 1 && n <= ReplayToken.MAX_STEPS,
                "maxSteps must be from 1 to "
                        + ReplayToken.MAX_STEPS
                        + " (the longest schedule a replay token holds), was "
                        + n);
        return with(f -> f.maxSteps = n);
    }

    /**
     * A copy in which a thread away from scheduling points for {@code d} fails the run as stuck.
     */
    public ExploreOptions runTimeout(Duration d) {
        OptionProperties.require(
                usableDuration(d), "runTimeout must be positive and at most 365 days, was " + d);
        return with(f -> f.runTimeout = d);
    }

    /**
     * A copy with sleep-set reduction on or off: exhaustive search without a preemption bound only
     * (under a bound it could skip schedules, so it stays off and the result says so).
     */
    public ExploreOptions sleepSets(boolean on) {
        return with(f -> f.sleepSets = on);
    }

    /**
     * A copy that tells {@code sink} how a long exploration goes: a line every 10 seconds, with the
     * runs so far while it searches and the preemptions left while it simplifies a failure's
     * schedule. An exploration shorter than that tells nothing. Null, the default: nothing is told.
     * The command line prints the lines on standard error.
     */
    public ExploreOptions progress(Consumer<String> sink) {
        return with(f -> f.progress = sink);
    }

    /** Where progress lines go, or null ({@link #progress(Consumer)}). */
    Consumer<String> progressSink() {
        return progress;
    }

    /** A copy that does or does not simplify failures found by random strategies. */
    public ExploreOptions minimize(boolean on) {
        return with(f -> f.minimize = on);
    }

    /**
     * A copy that does or does not make refguard's internal steps scheduling points: the checker's
     * own bookkeeping (leak-scope registries, access records) and the read before a release's
     * compare-and-set. Off, reports on user code show only the user's steps and refguard's count
     * updates; on, refguard's own races are explored too (its test suite does).
     */
    public ExploreOptions internalPoints(boolean on) {
        return with(f -> f.internalPoints = on);
    }

    /**
     * A copy in which each thread's timed waits may time out at once, as if the other threads were
     * slow, at most {@code n} times per run (0 to {@value #MAX_EARLY_TIMEOUTS}); its later timed
     * waits of the run time out only in order, when no other thread can go on. Which waits may time
     * out at once is the caller's choice (the agent's timeout mode); this bounds how many, so that
     * polling loops stay finite. A bug that needs one thread's waits to expire early more often is
     * not searched: a result without a failure says so when the limit held a wait back.
     */
    public ExploreOptions earlyTimeouts(int n) {
        OptionProperties.require(
                n >= 0 && n <= MAX_EARLY_TIMEOUTS,
                "earlyTimeouts must be from 0 to " + MAX_EARLY_TIMEOUTS + ", was " + n);
        return with(f -> f.earlyTimeouts = n);
    }

    /**
     * A copy that keeps the schedule of the run in progress in {@code file}, a memory-mapped file
     * of about 4 MB, step by step, so that a run that crashes the JVM (a use after free of native
     * memory) leaves its schedule behind: {@code FlightRecord.read} (the command line's {@code
     * refguard crashed FILE}) turns it into a replay token. The file is deleted when the
     * exploration ends, however it ends. Null (the default) keeps no record.
     */
    public ExploreOptions flightRecord(java.nio.file.Path file) {
        return with(f -> f.flightRecord = file);
    }

    /**
     * A copy that explores only shard {@code index} of {@code count} (index from 1 to count): the
     * randomized searches draw from the shard's own seed stream, derived from the seed and the
     * index, and the exhaustive search runs only the subtrees the shard owns (see docs/EXPLORER.md,
     * "Sharding"). Run every shard with the same other settings and combine their results with
     * {@code refguard merge}. {@code shard(1, 1)}, the default, is the whole search. DPOR cannot be
     * sharded.
     */
    public ExploreOptions shard(int index, int count) {
        OptionProperties.require(
                count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count,
                "shard must be i/N with N from 1 to "
                        + MAX_SHARDS
                        + " and i from 1 to N, was "
                        + index
                        + "/"
                        + count);
        return with(
                f -> {
                    f.shardIndex = index;
                    f.shardCount = count;
                });
    }

    /** A copy that replays {@code token} instead of searching. */
    public ExploreOptions withReplay(String token) {
        Objects.requireNonNull(token, "token");
        return with(f -> f.replay = token);
    }

    /** The search strategy. Property {@code refguard.explore.strategy}; default {@code default}. */
    public Strategy strategy() {
        return strategy;
    }

    /** Seed of the random strategies. Property {@code refguard.explore.seed}. */
    public long seed() {
        return seed;
    }

    /** Run budget. Property {@code refguard.explore.maxRuns}. */
    public long maxRuns() {
        return maxRuns;
    }

    /** Wall-time budget. Property {@code refguard.explore.maxTime}; default 60s. */
    public Duration maxTime() {
        return maxTime;
    }

    /**
     * Preemption bound of the exhaustive search. Property {@code refguard.explore.preemptionBound}.
     */
    public int preemptionBound() {
        return preemptionBound;
    }

    /** PCT depth. Property {@code refguard.explore.pctDepth}. */
    public int pctDepth() {
        return pctDepth;
    }

    /** Step bound of one run. Property {@code refguard.explore.maxSteps}. */
    public int maxSteps() {
        return maxSteps;
    }

    /**
     * How long a thread may stay away from scheduling points. Property {@code
     * refguard.explore.runTimeout}.
     */
    public Duration runTimeout() {
        return runTimeout;
    }

    /**
     * Whether sleep-set reduction is on. Property {@code refguard.explore.sleepSets}; default
     * false.
     */
    public boolean sleepSets() {
        return sleepSets;
    }

    /**
     * Whether random failures are simplified. Property {@code refguard.explore.minimize}; default
     * true.
     */
    public boolean minimize() {
        return minimize;
    }

    /**
     * Whether refguard's internal steps are scheduling points. Property {@code
     * refguard.explore.internalPoints}; default false.
     */
    public boolean internalPoints() {
        return internalPoints;
    }

    /**
     * How many of a thread's timed waits per run may time out at once. Property {@code
     * refguard.explore.earlyTimeouts}; default {@value #DEFAULT_EARLY_TIMEOUTS}.
     */
    public int earlyTimeouts() {
        return earlyTimeouts;
    }

    /**
     * The file that keeps the schedule of the run in progress, or null for none. Property {@code
     * refguard.explore.flightRecord}.
     */
    public java.nio.file.Path flightRecord() {
        return flightRecord;
    }

    /**
     * Which shard this is, from 1 to {@link #shardCount()}. Property {@code
     * refguard.explore.shard}.
     */
    public int shardIndex() {
        return shardIndex;
    }

    /** Into how many shards the exploration is split; 1 (the default) for none. */
    public int shardCount() {
        return shardCount;
    }

    /** The token to replay, if any (set in code; the property is read per exploration). */
    public Optional<String> replay() {
        return Optional.ofNullable(replay);
    }

    @Override
    public String toString() {
        return "ExploreOptions["
                + strategy.id()
                + ", seed="
                + seed
                + ", maxRuns="
                + maxRuns
                + ", maxTime="
                + maxTime
                + ", preemptionBound="
                + (preemptionBound == Integer.MAX_VALUE ? "none" : preemptionBound)
                + ", pctDepth="
                + pctDepth
                + ", maxSteps="
                + maxSteps
                + ", runTimeout="
                + runTimeout
                + ", sleepSets="
                + sleepSets
                + ", minimize="
                + minimize
                + ", internalPoints="
                + internalPoints
                + (earlyTimeouts == DEFAULT_EARLY_TIMEOUTS
                        ? ""
                        : ", earlyTimeouts=" + earlyTimeouts)
                + (shardCount == 1 ? "" : ", shard=" + shardIndex + "/" + shardCount)
                + (replay == null ? "" : ", replay=" + replay)
                + "]";
    }
}
