package io.refguard.run;

import io.refguard.CheckMode;
import io.refguard.RefGuard;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import java.util.Objects;
import java.util.function.Function;

/**
 * One finished exploration: a result, a failure with its report, or why it is inconclusive, with
 * what it cost. {@link Outcome} grades it.
 *
 * <p>The checker's mode is JVM-wide, so the runner never changes it on its own: a caller that wants
 * one for the exploration says so ({@link #run(Function, ExploreOptions, CheckMode)}), and gets the
 * previous mode back afterwards. {@link CheckMode#TRACKED} is what the corpus and the command line
 * ask for: objects a scenario's setup creates (on the exploring thread, outside any run scope) are
 * tracked too, so reports name their acquire and release sites, and no decision depends on
 * sampling, which would make runs differ. While it is set, no other exploration in the JVM should
 * depend on another mode.
 */
public final class Explored {

    private final ExploreOptions options;
    private final ExploreResult result;
    private final InterleavingFailure failure;
    private final InterleavingInconclusive inconclusive;
    private final long nanos;

    private Explored(
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
     * Explores {@code target} with {@code options}, the checker in {@code mode} meanwhile.
     *
     * @throws IllegalStateException as {@link Scenario#explore(ExploreOptions)} does: its setup
     *     threw, or a replay token does not fit it
     * @throws io.refguard.explore.replay.ReplayTokenException for a malformed token
     */
    public static Explored run(Target target, ExploreOptions options, CheckMode mode) {
        Objects.requireNonNull(target, "target");
        return run(target::explore, options, mode);
    }

    /**
     * Runs {@code explorer} (a scenario's or a program's {@code explore} method) with {@code
     * options}, capturing its result, its failure or why it is inconclusive. The checker is in
     * {@code mode} while it runs, and back in its previous mode afterwards.
     *
     * @throws RuntimeException whatever {@code explorer} throws besides an {@link
     *     InterleavingFailure} or {@link InterleavingInconclusive}: a scenario that is not
     *     deterministic, a bad replay token
     */
    public static Explored run(
            Function<ExploreOptions, ExploreResult> explorer,
            ExploreOptions options,
            CheckMode mode) {
        Objects.requireNonNull(explorer, "explorer");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(mode, "mode");
        CheckMode before = RefGuard.mode();
        RefGuard.setMode(mode);
        long start = System.nanoTime();
        try {
            ExploreResult r = explorer.apply(options);
            return new Explored(options, r, null, null, System.nanoTime() - start);
        } catch (InterleavingFailure f) {
            return new Explored(options, null, f, null, System.nanoTime() - start);
        } catch (InterleavingInconclusive i) {
            return new Explored(options, null, null, i, System.nanoTime() - start);
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

    /**
     * The replay token of the reported schedule: the failing one, or the run of an inconclusive
     * exploration whose steps differed from an earlier run of the same schedule; else null.
     */
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
                    : options.strategy().id();
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
