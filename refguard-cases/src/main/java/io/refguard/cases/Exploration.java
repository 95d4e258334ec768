package io.refguard.cases;

import io.refguard.CheckMode;
import io.refguard.RefGuard;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import java.util.Objects;
import java.util.function.Function;

/**
 * One finished exploration of a scenario: either a failure with its report, or a result. Runs the
 * explorer the way the corpus and the command line need it run.
 *
 * <p>During the exploration the checker's JVM-wide mode is {@link CheckMode#TRACKED}, so that
 * objects a scenario's setup creates (on the exploring thread, outside any run scope) are tracked
 * too: reports then name acquire and release sites for them, and the decision does not depend on
 * sampling, which would make runs differ. The previous mode is restored afterwards. Explorations
 * must not run concurrently in one JVM (the explorer refuses it).
 */
public final class Exploration {

    private final ExploreOptions options;
    private final ExploreResult result;
    private final InterleavingFailure failure;
    private final InterleavingInconclusive inconclusive;
    private final long nanos;

    private Exploration(
            ExploreOptions options,
            ExploreResult result,
            InterleavingFailure failure,
            InterleavingInconclusive inconclusive,
            long nanos) {
        this.options = options;
        this.result = result;
        this.failure = failure;
        this.inconclusive = inconclusive;
        this.nanos = nanos;
    }

    /**
     * Explores {@code scenario} with {@code options}. While it runs, the synchronization of
     * instrumented code the scenario's actors run (classes loaded through {@link
     * ScenarioClasses#instrumentingLoader}) is routed to the explorer: volatile fields, atomics,
     * monitors, {@code wait}/{@code notify} and thread start and join become scheduling points and
     * modeled operations, by the agent's adapter ({@link AgentExplorer#explore(Scenario,
     * ExploreOptions)}), as are {@code java.util.concurrent} locks, semaphores, latches, parking
     * and executors.
     *
     * @throws IllegalStateException as {@link Scenario#explore(ExploreOptions)} does: its setup
     *     threw, or a replay token does not fit it
     * @throws io.refguard.explore.replay.ReplayTokenException for a malformed token
     */
    public static Exploration run(Scenario<?> scenario, ExploreOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        return run(options, o -> AgentExplorer.explore(scenario, o));
    }

    /**
     * Runs {@code explorer} (a scenario's or a program's {@code explore} method) with {@code
     * options}, capturing its result or its failure.
     *
     * @throws RuntimeException whatever {@code explorer} throws besides an {@link
     *     InterleavingFailure} or {@link InterleavingInconclusive}: a scenario that is not
     *     deterministic, a bad replay token
     */
    public static Exploration run(
            ExploreOptions options, Function<ExploreOptions, ExploreResult> explorer) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(explorer, "explorer");
        CheckMode before = RefGuard.mode();
        RefGuard.setMode(CheckMode.TRACKED);
        long start = System.nanoTime();
        try {
            ExploreResult r = explorer.apply(options);
            return new Exploration(options, r, null, null, System.nanoTime() - start);
        } catch (InterleavingFailure f) {
            return new Exploration(options, null, f, null, System.nanoTime() - start);
        } catch (InterleavingInconclusive i) {
            return new Exploration(options, null, null, i, System.nanoTime() - start);
        } finally {
            RefGuard.setMode(before);
        }
    }

    /** Whether a schedule failed. */
    public boolean failed() {
        return failure != null;
    }

    /** Whether refguard could not control the program: neither a bug nor a pass. */
    public boolean inconclusive() {
        return inconclusive != null;
    }

    /** Why the exploration is inconclusive, or null. */
    public InterleavingInconclusive inconclusiveCause() {
        return inconclusive;
    }

    /** The failure, or null when no schedule failed. */
    public InterleavingFailure failure() {
        return failure;
    }

    /** The result, or null when a schedule failed or the exploration is inconclusive. */
    public ExploreResult result() {
        return result;
    }

    /** The options explored with. */
    public ExploreOptions options() {
        return options;
    }

    /** Wall time of the exploration, in milliseconds. */
    public long millis() {
        return nanos / 1_000_000;
    }

    /** Runs executed: up to and including the failing one, or all of them. */
    public long schedules() {
        if (inconclusive != null) {
            return inconclusive.report() == null ? 0 : inconclusive.report().runs();
        }
        return failure != null ? failure.report().runs() : result.runs();
    }

    /** Choice points (more than one thread could go on) of a search that passed, else -1. */
    public long choicePoints() {
        return result == null ? -1 : result.choicePoints();
    }

    /** What a search that passed guarantees ({@link ExploreResult#guarantee()}), else null. */
    public String guarantee() {
        return result == null ? null : result.guarantee();
    }

    /**
     * Preemptions: in the failing schedule when one failed, else the most any explored schedule
     * had, which for an exhaustive search is its bound, and -1 when the search had none (random
     * strategies, or an unbounded search).
     */
    public int preemptions() {
        if (failure != null) {
            return failure.report().preemptions();
        }
        if (inconclusive != null) {
            return inconclusive.report() == null ? -1 : inconclusive.report().preemptions();
        }
        boolean bounded =
                options.strategy() == ExploreOptions.Strategy.EXHAUSTIVE
                        || options.strategy() == ExploreOptions.Strategy.DEFAULT
                                && result.exhausted();
        if (options.replay().isPresent()
                || !bounded
                || options.preemptionBound() == Integer.MAX_VALUE) {
            return -1;
        }
        return options.preemptionBound();
    }

    /** The replay token of the failing schedule, or null. */
    public String token() {
        if (inconclusive != null) {
            return inconclusive.replayToken();
        }
        return failure == null ? null : failure.replayToken();
    }

    /** How the search was done, such as {@code exhaustive, preemption bound 2}. */
    public String strategy() {
        if (inconclusive != null) {
            return inconclusive.report() != null
                    ? inconclusive.report().foundBy()
                    : options.strategy().name().toLowerCase(java.util.Locale.ROOT);
        }
        return failure != null ? failure.report().foundBy() : result.strategy();
    }

    /** The failure's one-line summary, such as {@code T1 threw ...}, or null. */
    public String failureSummary() {
        if (inconclusive != null) {
            return inconclusive.report() != null
                    ? inconclusive.report().failure().summary()
                    : inconclusive
                            .getMessage()
                            .strip()
                            .lines()
                            .skip(1)
                            .findFirst()
                            .orElse(inconclusive.kind().phrase());
        }
        return failure == null ? null : failure.report().failure().summary();
    }

    /** The rendered failure report (the interleaving table), or null. */
    public String table() {
        if (inconclusive != null) {
            return inconclusive.getMessage().strip() + "\n";
        }
        return failure == null ? null : failure.table();
    }

    /** Whether the search covered its whole space (within its bound) without a failure. */
    public boolean exhausted() {
        return result != null && result.exhausted();
    }
}
