package io.refguard.explore;

import io.refguard.explore.replay.ReplayToken;
import io.refguard.explore.replay.ReplayTokenException;
import io.refguard.explore.report.Failure;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.InterleavingReport;
import io.refguard.explore.report.TableRenderer;
import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.FlightRecord;
import io.refguard.explore.runtime.RunEngine;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.runtime.Tracer;
import io.refguard.explore.strategy.Search;
import io.refguard.explore.strategy.Strategies;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One exploration of one scenario: the search loop, then, on failure, simplification, a traced
 * re-run of the failing schedule and the report.
 *
 * <p>The search path runs untraced (no stack walking, no event objects); only the one schedule that
 * is reported is re-run with a {@link TraceRecorder}.
 */
final class ScenarioRunner<S> {

    /** Runs the simplifier may spend on one failure. */
    private static final int MINIMIZE_BUDGET = 1_000;

    /** The label of a thread's first step, which every thread has. */
    private static final String START = "start";

    private final Scenario<S> scenario;
    private final ExploreOptions options;

    /** Progress lines of the current exploration ({@link ExploreOptions#progress}). */
    private Progress progress = new Progress(null);

    private final int fingerprint;
    private final BoundedDriver bounded;

    /** Wraps the search the options select; the identity but in tests that observe the search. */
    private UnaryOperator<Search> searchView = UnaryOperator.identity();

    ScenarioRunner(Scenario<S> scenario, ExploreOptions options) {
        this.scenario = scenario;
        this.options = options;
        this.fingerprint = ReplayToken.fingerprint(scenario.name, scenario.actorNames);
        this.bounded = new BoundedDriver(scenario.name, options.runTimeout().toNanos());
    }

    /**
     * Explores with the options' search as {@code view} wraps it: for tests that watch what a
     * search runs (the traces of its runs), not for users.
     */
    ExploreResult explore(UnaryOperator<Search> view) {
        this.searchView = view;
        return explore();
    }

    ExploreResult explore() {
        ReplayToken token = replayToken(); // a bad token is refused on the caller's thread
        if (token == null
                && options.shardCount() > 1
                && options.strategy() == ExploreOptions.Strategy.DPOR) {
            throw new IllegalArgumentException(
                    "shard "
                            + options.shardIndex()
                            + "/"
                            + options.shardCount()
                            + " cannot be used with the dpor strategy, whose search is not split"
                            + " among shards; shard the exhaustive or default strategy, or run dpor"
                            + " unsharded");
        }
        return bounded.call(() -> search(token));
    }

    private ExploreResult search(ReplayToken token) {
        Search strategy =
                token != null ? Strategies.replay(token.schedule()) : searchView.apply(strategy());
        long start = System.nanoTime();
        long deadline = start + options.maxTime().toNanos();
        progress = new Progress(options.progressSink());
        long runs = 0;
        ChoiceCounter counter = new ChoiceCounter(token != null ? 0 : deadline);
        // whether a run had one thread only, or a thread reached a scheduling point of its own
        boolean anyPoint = false;
        ExploreResult.Stop stop = ExploreResult.Stop.EXHAUSTED;
        // a replay whose first run left the token's schedule gets a second run: see below
        boolean warmedUp = false;
        long heldBack = 0;
        try (RunEngine engine =
                        new RunEngine(
                                options.maxSteps(),
                                options.runTimeout(),
                                options.internalPoints());
                FlightRecord flight = flightRecord(engine)) {
            engine.earlyTimeouts(options.earlyTimeouts());
            while (true) {
                bounded.checkWatched();
                if (runs >= options.maxRuns()) {
                    // the default search may have covered its bound before the budget ran out
                    stop =
                            strategy.exhausted()
                                    ? ExploreResult.Stop.EXHAUSTED
                                    : ExploreResult.Stop.MAX_RUNS;
                    break;
                }
                if (counter.cut || runs > 0 && System.nanoTime() - deadline >= 0) {
                    stop =
                            strategy.exhausted()
                                    ? ExploreResult.Stop.EXHAUSTED
                                    : ExploreResult.Stop.MAX_TIME;
                    break;
                }
                if (!strategy.hasNextRun()) {
                    break;
                }
                RunStatus status = runOnce(engine, counter.wrap(strategy.chooser()), null);
                if (counter.cut && !status.isFailure()) {
                    // the time budget ended this run before it finished: it shows nothing
                    if (runs == 0) {
                        throw unfinished(counter.points);
                    }
                    stop = ExploreResult.Stop.MAX_TIME;
                    break;
                }
                runs++;
                if (progress.due()) {
                    progress.tell(String.format("%,d runs, no failure yet", runs));
                }
                anyPoint = anyPoint || engine.threadCount() < 2 || ownPoint(engine);
                strategy.runFinished(status, engine.preemptions(), engine.scheduleHash());
                if (token != null && strategy.divergence() != null && !warmedUp) {
                    // the first run of a program in a JVM can take steps later runs do not (a
                    // class's one-time setup, state kept in an interface or a library's cache),
                    // and a token found after an exploration's first run was made on a warm one:
                    // the first run was the warm-up, and the token gets a run of its own
                    warmedUp = true;
                    strategy = Strategies.replay(token.schedule());
                    continue;
                }
                if (token == null && strategy.limit() != null) {
                    throw new InterleavingInconclusive(
                            FailureKind.THREAD_LIMIT,
                            "Scenario \""
                                    + scenario.name
                                    + "\" is inconclusive: "
                                    + FailureKind.THREAD_LIMIT.phrase()
                                    + ".\n"
                                    + strategy.limit()
                                    + ".",
                            null);
                }
                if (token == null && divergence(strategy, engine) != null) {
                    throw notDeterministic(engine, strategy, runs);
                }
                if (status.isFailure()) {
                    if (token != null && strategy.divergence() != null) {
                        // a failure of another schedule than the token's is not its replay
                        throw diverged(strategy.divergence(), failedAs(engine, status));
                    }
                    throw failure(engine, strategy, status, runs, token != null);
                }
            }
            if (!anyPoint && runs > 0) {
                throw notInstrumented(runs);
            }
            if (token != null) {
                if (strategy.divergence() != null) {
                    throw diverged(strategy.divergence(), null);
                }
                stop = ExploreResult.Stop.REPLAYED;
            }
            heldBack = engine.earlyTimeoutsHeldBack();
        }
        return new ExploreResult(
                scenario.name,
                strategy.describe(),
                runs,
                strategy.distinctSchedules(),
                Duration.ofNanos(System.nanoTime() - start),
                stop,
                strategy.boundLimited(),
                counter.points,
                counter.choices,
                counter.spinHolds,
                options.earlyTimeouts(),
                heldBack,
                counter.orders.coverage());
    }

    /** The verdict when the time budget ran out in the first run: nothing was judged. */
    private InterleavingInconclusive unfinished(long points) {
        return new InterleavingInconclusive(
                FailureKind.UNFINISHED,
                "Scenario \""
                        + scenario.name
                        + "\" is inconclusive: "
                        + FailureKind.UNFINISHED.phrase()
                        + ".\nThe time budget ("
                        + options.maxTime().toMillis()
                        + " ms) ran out in the first run, after "
                        + points
                        + " scheduling points, before it finished, so there is no complete run to"
                        + " judge. A run this long usually has a thread that waits on real time (a"
                        + " sleep or wait refguard does not replace, or a clock read outside"
                        + " instrumented code) or loops for good while the others go on; or the"
                        + " program does that much work. Give the exploration more time (maxTime,"
                        + " --max-time), or make the run shorter (fewer threads, smaller inputs).",
                null);
    }

    /**
     * Why the last run shows the scenario is not deterministic: the strategy's finding (the threads
     * able to run differ on a replayed prefix), else the engine's (a step's thread or operation
     * differs from an earlier run with the same choices); null when neither.
     */
    private static String divergence(Search strategy, RunEngine engine) {
        return strategy.divergence() != null ? strategy.divergence() : engine.divergence();
    }

    /**
     * The verdict when two runs of the same schedule differ after the warm-up run: refguard cannot
     * repeat a schedule, so it can neither show a failing one again nor cover them all.
     */
    private InterleavingInconclusive notDeterministic(
            RunEngine engine, Search strategy, long runs) {
        String where = divergence(strategy, engine);
        Failure failure =
                new Failure(
                        FailureKind.NOT_DETERMINISTIC,
                        -1,
                        Character.toUpperCase(where.charAt(0))
                                + where.substring(1)
                                + " (run "
                                + runs
                                + "; the first run is a warm-up and is not compared).",
                        null,
                        List.of(NOT_DETERMINISTIC_WHY, NOT_DETERMINISTIC_FIX));
        List<TraceEvent> events = Failures.untracedEvents(engine);
        int shown = differingStep(where, events.size());
        return (InterleavingInconclusive)
                build(
                        engine,
                        engine.schedule(),
                        failure,
                        null,
                        strategy.describe(),
                        runs,
                        engine.preemptions(),
                        events.subList(0, shown),
                        List.of(
                                "the table shows this run up to the step that differs, its last"
                                        + " row (step numbers above also count thread starts, which"
                                        + " have no row), without source lines, as a re-run may take"
                                        + " other steps; the token replays the choices this run"
                                        + " made"));
    }

    private static final Pattern STEP = Pattern.compile("^(?:at step|the run ended after) (\\d+)");

    /** How many steps of the run to show: up to the one {@code where} names, else all. */
    static int differingStep(String where, int steps) {
        Matcher m = STEP.matcher(where);
        if (!m.find()) {
            return steps;
        }
        try {
            return Math.min(steps, Integer.parseInt(m.group(1)));
        } catch (NumberFormatException e) {
            return steps;
        }
    }

    /** Why runs differ, for any exploration; the agent's explorer adds what it knows. */
    static final String NOT_DETERMINISTIC_WHY =
            "refguard repeats a schedule by making the same choices, so every run of a schedule"
                    + " must take the same steps; these did not, which is refguard's limit, not a bug"
                    + " of the program: something the code reads differs from run to run and refguard"
                    + " does not control it.";

    /** What to do when runs of the same schedule differ, in a scenario. */
    static final String NOT_DETERMINISTIC_FIX =
            "Build all state in the setup, fresh in every run, and keep actors from depending on"
                    + " state kept between runs (static fields, caches, singletons), the clock,"
                    + " randomness, or identity hash codes without the agent.";

    /**
     * The error of a replay that left its token's schedule at {@code where}; {@code failed}, when
     * not null, is how the run that left it failed.
     */
    private IllegalStateException diverged(String where, String failed) {
        return new IllegalStateException(
                "replaying the token on scenario \""
                        + scenario.name
                        + "\" did not follow its schedule: "
                        + where
                        + (failed == null
                                ? ""
                                : " (the run that left it then failed: "
                                        + failed
                                        + ", but that is another schedule than the token's)")
                        + ". The scenario or the code under test changed since the token was made,"
                        + " or the scenario is not deterministic; explore without the token to find"
                        + " a current schedule.");
    }

    private String failedAs(RunEngine engine, RunStatus status) {
        return Failures.describe(engine, status, options).kind().phrase();
    }

    /**
     * The record of the running schedule that {@link ExploreOptions#flightRecord()} asks for, given
     * to {@code engine}; null when none is asked for.
     */
    private FlightRecord flightRecord(RunEngine engine) {
        Path file = options.flightRecord();
        if (file == null) {
            return null;
        }
        try {
            FlightRecord f = FlightRecord.create(file, fingerprint);
            engine.record(f);
            return f;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot write the flight record "
                            + file
                            + " ("
                            + e
                            + "); give a path in a writable directory, or leave "
                            + ExploreSetting.FLIGHT_RECORD.property()
                            + " unset",
                    e);
        }
    }

    /** Runs the replay token's schedule once, traced, and reports it whether it fails or not. */
    InterleavingReport trace() {
        ReplayToken token = replayToken();
        return bounded.call(() -> traceOnDriver(token));
    }

    private InterleavingReport traceOnDriver(ReplayToken token) {
        Search replay = Strategies.replay(token.schedule());
        replay.hasNextRun();
        try (RunEngine engine =
                new RunEngine(options.maxSteps(), options.runTimeout(), options.internalPoints())) {
            engine.earlyTimeouts(options.earlyTimeouts());
            TraceRecorder recorder = new TraceRecorder(scenario.actorLines);
            RunStatus status = runOnce(engine, replay.chooser(), recorder);
            if (replay.divergence() != null) {
                throw diverged(
                        replay.divergence(), status.isFailure() ? failedAs(engine, status) : null);
            }
            if (status.isFailure()) {
                AssertionError f = failure(engine, replay, status, 1, true);
                return f instanceof InterleavingFailure
                        ? ((InterleavingFailure) f).report()
                        : ((InterleavingInconclusive) f).report();
            }
            List<String> threads = new ArrayList<>();
            for (int i = 0; i < engine.threadCount(); i++) {
                threads.add(engine.threadName(i));
            }
            return new InterleavingReport(
                    scenario.name,
                    threads,
                    recorder.events(),
                    null,
                    "replay of a token",
                    1,
                    engine.preemptions(),
                    ReplayToken.of(fingerprint, engine.schedule()).encode(),
                    List.of());
        }
    }

    /** Whether a thread of the last run reached a scheduling point besides its start. */
    private static boolean ownPoint(RunEngine engine) {
        int n = engine.steps();
        for (int i = 0; i < n; i++) {
            if (!START.equals(engine.labelAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The verdict when several threads ran but none ever reached a scheduling point: refguard saw
     * nothing it could interleave, which is what uninstrumented code looks like. A scenario whose
     * actors make a single operation each still has points, and is explored as usual; a run of a
     * single thread has nothing to interleave by construction, and passes (the agent's explorer
     * adds its own rule for programs whose threads it cannot see).
     */
    private InterleavingInconclusive notInstrumented(long runs) {
        return new InterleavingInconclusive(
                FailureKind.NOT_INSTRUMENTED,
                "Scenario \""
                        + scenario.name
                        + "\" is inconclusive: nothing was interleaved.\n"
                        + runs
                        + (runs == 1 ? " run" : " runs")
                        + " of "
                        + scenario.actorNames
                        + " reached no scheduling point: no volatile or atomic"
                        + " access, lock, wait, thread start or refguard operation that refguard could see, so"
                        + " it could not order the threads and the run proves nothing.\n"
                        + NOT_INSTRUMENTED_FIX,
                null);
    }

    /** What to do when the explored code is not instrumented; shared with the agent's explorer. */
    static final String NOT_INSTRUMENTED_FIX =
            "The code the threads run is not instrumented. Run"
                    + " with refguard's agent: in Maven, add the refguard-maven-plugin's prepare-agent goal, and"
                    + " if you set Surefire's <argLine> yourself, keep @{argLine} in it; without Maven, pass"
                    + " -javaagent:refguard-agent.jar. If the agent is on, widen its include"
                    + " (-javaagent:refguard-agent.jar=include=com.acme.*) to the package of the code the threads"
                    + " run. Or share state through refguard's types (SharedInt, SharedRef, RefCounted).";

    private ReplayToken replayToken() {
        if (options.replay().isPresent()) {
            ReplayToken t = ReplayToken.decode(options.replay().get());
            t.requireScenario(fingerprint, scenario.name);
            return t;
        }
        String property = System.getProperty(ExploreOptions.PREFIX + "replay");
        if (property == null || property.isBlank()) {
            return null;
        }
        ReplayToken t;
        try {
            t = ReplayToken.decode(property);
        } catch (ReplayTokenException e) {
            throw new ReplayTokenException(
                    "system property " + ExploreOptions.PREFIX + "replay: " + e.getMessage());
        }
        // a token for another scenario is meant for another test of the same run: ignore it here
        return t.fingerprint() == fingerprint ? t : null;
    }

    /**
     * The search of the options, or of their shard: shards split the exhaustive search by subtree
     * and give each randomized search a seed stream of its own.
     */
    private Search strategy() {
        int index = options.shardIndex();
        int count = options.shardCount();
        long seed = Strategies.shardSeed(options.seed(), index, count);
        return switch (options.strategy()) {
            case DEFAULT ->
                    Strategies.combined(options.preemptionBound(), options.seed(), index, count);
            case EXHAUSTIVE ->
                    Strategies.exhaustive(
                            options.preemptionBound(), options.sleepSets(), index, count);
            case RANDOM -> Strategies.labelled(Strategies.randomWalk(seed), index, count);
            case PCT -> Strategies.labelled(Strategies.pct(seed, options.pctDepth()), index, count);
            case POS -> Strategies.labelled(Strategies.pos(seed), index, count);
            case SURW -> Strategies.labelled(Strategies.surw(seed), index, count);
            case PCT_RACES ->
                    Strategies.labelled(
                            Strategies.pctRaces(seed, options.pctDepth()), index, count);
            case DPOR ->
                    options.preemptionBound() == Integer.MAX_VALUE
                            ? Strategies.dpor()
                            : Strategies.dpor(options.preemptionBound());
        };
    }

    /** Runs one schedule of the scenario on fresh state. */
    RunStatus runOnce(RunEngine engine, Chooser chooser, Tracer tracer) {
        S state;
        bounded.enter("the setup");
        try {
            state = engine.prepare(scenario.setup);
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException(
                    "the setup of scenario \""
                            + scenario.name
                            + "\" threw "
                            + e
                            + "; fix the setup: it runs before every schedule",
                    e);
        } finally {
            bounded.leave();
        }
        List<Runnable> bodies = new ArrayList<>(scenario.actors.size());
        for (Scenario.Body<? super S> body : scenario.actors) {
            bodies.add(() -> Sneaky.run(body, state));
        }
        Thread driver = Thread.currentThread();
        Runnable everyPoint =
                scenario.invariants.isEmpty() && scenario.snapshotChecks.isEmpty()
                        ? null
                        : () -> {
                            if (Thread.currentThread() != driver) {
                                checkInvariants(state); // on an actor: bounded as the actor is
                                return;
                            }
                            bounded.enter("an invariant or snapshot check");
                            try {
                                checkInvariants(state);
                            } finally {
                                bounded.leave();
                            }
                        };
        Runnable finalCheck =
                scenario.check == null
                        ? null
                        : () -> {
                            bounded.enter("the final check");
                            try {
                                Sneaky.run(scenario.check, state);
                            } finally {
                                bounded.leave();
                            }
                        };
        return engine.run(scenario.actorNames, bodies, chooser, everyPoint, finalCheck, tracer);
    }

    private void checkInvariants(S state) {
        for (int i = 0; i < scenario.invariants.size(); i++) {
            boolean holds;
            try {
                holds = scenario.invariants.get(i).test(state);
            } catch (RuntimeException | AssertionError e) {
                throw new InvariantViolation(
                        "invariant \"" + scenario.invariantNames.get(i) + "\" threw " + e, e);
            }
            if (!holds) {
                throw new InvariantViolation(
                        "invariant \"" + scenario.invariantNames.get(i) + "\" does not hold", null);
            }
        }
        for (int i = 0; i < scenario.snapshotChecks.size(); i++) {
            S copy = scenario.snapshotCopies.get(i).apply(state);
            try {
                scenario.snapshotChecks.get(i).accept(copy);
            } catch (Exception | AssertionError e) {
                throw new InvariantViolation("the recovery check on a snapshot failed: " + e, e);
            }
        }
    }

    private AssertionError failure(
            RunEngine engine, Search strategy, RunStatus status, long runs, boolean replaying) {
        int[] schedule = engine.schedule();
        int preemptions = engine.preemptions();
        Failure searchFailure = Failures.describe(engine, status, options);
        Throwable cause = engine.failureCause();
        List<String> notes = new ArrayList<>();
        String foundBy = replaying ? "replay of a token" : strategy.describe();
        if (replaying && strategy.divergence() != null) {
            notes.add(
                    "the run did not follow the token's schedule ("
                            + strategy.divergence()
                            + "); the code may have changed since the token was made");
        }
        if (status == RunStatus.STUCK && engine.failureThread() >= 0) {
            String left = StuckThreads.leftRunning(engine.threadName(engine.failureThread()));
            if (left != null) {
                notes.add(left);
            }
        }
        if (status == RunStatus.STUCK || !retraceable(searchFailure.kind())) {
            // re-running would wait for the stuck thread again, or run differently; report what
            // the search saw
            return build(
                    engine,
                    schedule,
                    searchFailure,
                    cause,
                    foundBy,
                    runs,
                    preemptions,
                    Failures.untracedEvents(engine),
                    notes);
        }
        if (strategy.randomized() && options.minimize() && !searchFailure.kind().inconclusive()) {
            ScheduleMinimizer.Result m =
                    new ScheduleMinimizer(this, engine, MINIMIZE_BUDGET, progress)
                            .minimize(schedule, preemptions, status, cause);
            schedule = m.schedule;
            preemptions = m.preemptions;
        }
        TraceRecorder recorder = new TraceRecorder(scenario.actorLines);
        Search replay = Strategies.replay(schedule);
        replay.hasNextRun();
        RunStatus traced = runOnce(engine, replay.chooser(), recorder);
        Failure shown = searchFailure;
        if (traced.isFailure() && replay.divergence() == null) {
            shown = Failures.describe(engine, traced, options);
            cause = engine.failureCause();
            schedule = engine.schedule();
            preemptions = engine.preemptions();
        } else {
            notes.add(
                    "re-running this schedule with tracing did not fail the same way ("
                            + (replay.divergence() != null
                                    ? replay.divergence()
                                    : "it " + traced.name().toLowerCase(Locale.ROOT))
                            + (runs == 1
                                    ? "): the failure came in the first run, which can take"
                                            + " steps later runs do not (a one-time setup, state"
                                            + " kept in an interface's static fields or a"
                                            + " library's cache); the failure shown is the one"
                                            + " the search saw, and its token replays in a fresh"
                                            + " JVM"
                                    : "): the scenario may not be deterministic; the failure"
                                            + " shown is the one the search saw"));
        }
        return build(
                engine,
                schedule,
                shown,
                cause,
                foundBy,
                runs,
                preemptions,
                recorder.events(),
                notes);
    }

    /**
     * Whether a failure of this kind is re-run with tracing for its table's locations: every bug,
     * and the limits met at a known point of the run (an operation or a thread count the explorer
     * cannot take on), which a second run of the same schedule meets again at once. Not a run that
     * differed from itself, nor one stuck outside control, which would wait out its timeout again.
     */
    private static boolean retraceable(FailureKind kind) {
        return !kind.inconclusive()
                || kind == FailureKind.OUT_OF_CONTROL
                || kind == FailureKind.THREAD_LIMIT;
    }

    private AssertionError build(
            RunEngine engine,
            int[] schedule,
            Failure failure,
            Throwable cause,
            String foundBy,
            long runs,
            int preemptions,
            List<TraceEvent> events,
            List<String> notes) {
        events = Failures.foldAlone(Failures.foldInitializers(events), engine.threadCount());
        if (failure.kind() == FailureKind.LIVELOCK) {
            events = Failures.folded(events);
        }
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < engine.threadCount(); i++) {
            threads.add(engine.threadName(i));
        }
        String token = ReplayToken.of(fingerprint, schedule).encode();
        InterleavingReport report =
                new InterleavingReport(
                        scenario.name,
                        threads,
                        events,
                        failure,
                        foundBy,
                        runs,
                        preemptions,
                        token,
                        notes);
        String table = TableRenderer.render(report);
        if (failure.kind().inconclusive()) {
            return new InterleavingInconclusive(failure.kind(), "\n" + table, report);
        }
        return new InterleavingFailure(report, table, cause);
    }

    /** An invariant or snapshot check failed at a scheduling point. */
    static final class InvariantViolation extends AssertionError {
        private static final long serialVersionUID = 1L;

        InvariantViolation(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
