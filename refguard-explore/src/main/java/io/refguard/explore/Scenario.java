package io.refguard.explore;

import io.refguard.explore.report.InterleavingReport;
import io.refguard.explore.runtime.SourceLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A scenario under construction and its exploration: add actors, invariants, snapshot checks and a
 * final check, then call {@link #explore(ExploreOptions)}. Not thread-safe; build and explore it on
 * one thread.
 *
 * @param <S> the type of the state the setup creates for every run
 */
public final class Scenario<S> {

    /** Code run on the state: an actor body or a check. May throw. */
    @FunctionalInterface
    public interface Body<S> {
        /** Runs on {@code state}; throwing fails the schedule. */
        void accept(S state) throws Exception;
    }

    final String name;
    final Supplier<? extends S> setup;
    final List<String> actorNames = new ArrayList<>();
    final List<Body<? super S>> actors = new ArrayList<>();

    /**
     * Where each actor was declared ({@code File.java:line}), or null when unknown or refguard's
     * own (a program's {@code main}).
     */
    final List<String> actorLines = new ArrayList<>();

    final List<String> invariantNames = new ArrayList<>();
    final List<Predicate<? super S>> invariants = new ArrayList<>();
    final List<UnaryOperator<S>> snapshotCopies = new ArrayList<>();
    final List<Body<? super S>> snapshotChecks = new ArrayList<>();
    Body<? super S> check;

    Scenario(String name, Supplier<? extends S> setup) {
        this.name = name;
        this.setup = setup;
    }

    /**
     * Adds an actor: {@code body} runs on the run's state on its own managed thread. Its name heads
     * its column in reports and must be unique.
     */
    public Scenario<S> actor(String actorName, Body<? super S> body) {
        Objects.requireNonNull(actorName, "actorName");
        Objects.requireNonNull(body, "body");
        if (actorNames.contains(actorName)) {
            throw new IllegalArgumentException(
                    "scenario \""
                            + name
                            + "\" already has an actor named '"
                            + actorName
                            + "': give each actor its own name");
        }
        actorNames.add(actorName);
        actors.add(body);
        // once per actor, as the scenario is built (none when refguard declares it)
        actorLines.add(SourceLocator.caller(Scenario.class.getName()));
        return this;
    }

    /**
     * Adds an invariant, evaluated at every scheduling point and at the end of the run while every
     * thread is paused (so it sees states in the middle of other threads' operations). It must only
     * read; returning false, or throwing, fails the schedule.
     */
    public Scenario<S> invariant(String description, Predicate<? super S> holds) {
        invariantNames.add(Objects.requireNonNull(description, "description"));
        invariants.add(Objects.requireNonNull(holds, "holds"));
        return this;
    }

    /**
     * Adds a snapshot check: at every scheduling point, {@code copy} makes a copy of the state as
     * it is at that instant (like a forked child process would see it), and {@code recovery} runs
     * on the copy, typically repairing an interrupted operation and then asserting the copy's
     * invariant. Throwing fails the schedule. {@code copy} must not share mutable objects with the
     * original that {@code recovery} changes.
     */
    public Scenario<S> snapshot(UnaryOperator<S> copy, Body<? super S> recovery) {
        snapshotCopies.add(Objects.requireNonNull(copy, "copy"));
        snapshotChecks.add(Objects.requireNonNull(recovery, "recovery"));
        return this;
    }

    /** Sets the final check, run after every actor finished; throwing fails the schedule. */
    public Scenario<S> check(Body<? super S> finalCheck) {
        this.check = Objects.requireNonNull(finalCheck, "finalCheck");
        return this;
    }

    /** Explores with {@link ExploreOptions#defaults()}. */
    public ExploreResult explore() {
        return explore(ExploreOptions.defaults());
    }

    /**
     * Explores the scenario.
     *
     * @return what was explored, when no schedule failed
     * @throws InterleavingFailure for the first failing schedule found (simplified when found at
     *     random), with its report and replay token
     * @throws InterleavingInconclusive when refguard could not control the scenario (a thread stuck
     *     outside its control, its thread limit, nothing instrumented, runs of the same schedule
     *     that differ after the first)
     * @throws IllegalStateException when a replay token does not fit the scenario, or another
     *     exploration is running in this JVM
     * @throws io.refguard.explore.replay.ReplayTokenException for a malformed or foreign token
     */
    public ExploreResult explore(ExploreOptions options) {
        requireActors();
        ScenarioRunner<S> runner =
                new ScenarioRunner<>(this, Objects.requireNonNull(options, "options"));
        return ExplorationRunEvent.around(name, runner::explore);
    }

    /**
     * Runs the schedule of {@code token} once; same as {@code
     * explore(ExploreOptions.replay(token))}.
     */
    public ExploreResult replay(String token) {
        return explore(ExploreOptions.replay(token));
    }

    /**
     * Runs the schedule of {@code token} once with full tracing and returns its report, whether it
     * fails or passes: for looking at one schedule, such as a failing one after a fix. {@link
     * InterleavingReport#passed()} tells which; {@link
     * io.refguard.explore.report.TableRenderer#render} prints either.
     *
     * @throws io.refguard.explore.replay.ReplayTokenException for a malformed or foreign token
     * @throws IllegalStateException when the run leaves the token's schedule (the code changed
     *     since the token was made, or the scenario is not deterministic)
     */
    public InterleavingReport trace(String token) {
        requireActors();
        return new ScenarioRunner<>(
                        this, ExploreOptions.replay(Objects.requireNonNull(token, "token")))
                .trace();
    }

    /**
     * Runs the scenario once on plain threads with no scheduler and no scheduling points: the
     * setup, each actor on a platform thread of its own (named after it), then the invariants and
     * the final check once, at the end. Snapshot checks are not run. This is the scenario as a
     * stress loop, or another tool's scheduler, sees it; it finds nothing by itself reliably.
     *
     * @throws AssertionError naming the actor, invariant or check that failed, with its cause
     * @throws Exception what the setup or the final check threw
     */
    public void runUncontrolled() throws Exception {
        requireActors();
        new UncontrolledRun<>(this).run();
    }

    private void requireActors() {
        if (actors.isEmpty()) {
            throw new IllegalStateException(
                    "scenario \""
                            + name
                            + "\" has no actors: add at least one with actor(name, body)");
        }
    }

    /** The scenario's name. */
    public String name() {
        return name;
    }
}
