package io.refguard.junit;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import io.refguard.explore.replay.ReplayTokenException;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The exploration of one {@link ExploreTest} method, received as its parameter: hand it the
 * scenario to explore.
 *
 * <p>{@link #explore(Scenario)} runs the explorer on the test's thread and returns what it
 * explored, or throws the explorer's {@link InterleavingFailure} (an {@link AssertionError} whose
 * message is the report with its replay token), which fails the test. When the run replays a token
 * ({@code -Drefguard.replay=...}), it runs only the token's schedule, once, and prints its report
 * to {@code System.out}. A failing schedule is also written as an HTML page (a swimlane per thread)
 * next to Surefire's reports, {@code target/surefire-reports/refguard/<Class>.<method>.html}, and
 * the failure's message ends with the page's path.
 *
 * <p>A passing exploration prints one line to {@code System.out}: the test, the scenario, the runs
 * and time it took, and what the pass guarantees (every schedule within the bound, or a budget that
 * ran out first, and the coverage estimate). The same result is a JUnit report entry, {@code
 * refguard.explore}.
 *
 * <p>A test method must explore at least one scenario: one that returns without exploring fails.
 * Confined to the test's thread.
 */
public final class Exploration {

    private final ExtensionContext context;
    private final Class<?> testClass;
    private final Method method;

    /** Set by {@link #configure} before the test method runs. */
    private ExploreOptions options;

    private ReplaySelection replay; // null: search, do not replay
    private int explored;

    Exploration(ExtensionContext context, Class<?> testClass, Method method) {
        this.context = context;
        this.testClass = testClass;
        this.method = method;
    }

    /**
     * Sets the options and the replay request, if any; called once, before the test method runs.
     */
    void configure(ExploreOptions options, ReplaySelection replay) {
        this.options = options;
        this.replay = replay;
    }

    /**
     * The options from the test's {@link ExploreTest} annotation over the explorer's defaults;
     * start from them to set what the annotation has no attribute for, as in {@code explore(s,
     * exploration.options().sleepSets(true))}.
     */
    public ExploreOptions options() {
        return options;
    }

    /**
     * Explores {@code scenario} with {@link #options()}; see {@link #explore(Scenario,
     * ExploreOptions)}.
     */
    public ExploreResult explore(Scenario<?> scenario) {
        return explore(scenario, options);
    }

    /**
     * Explores {@code scenario} with {@code options}.
     *
     * <p>While the run replays a token, only the token's schedule runs, once; a scenario the token
     * was not made for aborts the test (it shows as skipped), unless {@code refguard.replay.test}
     * selected this test, in which case the mismatch fails it.
     *
     * @return what was explored; every schedule passed
     * @throws InterleavingFailure for the first failing schedule, with its report and replay token
     * @throws InterleavingInconclusive when refguard could not control the code (a thread stuck
     *     outside its control, its thread limit, code that is not instrumented, runs of the same
     *     schedule that differ); it fails the test
     * @throws IllegalStateException when the explorer refuses the scenario (a token that no longer
     *     fits it), with the explorer's explanation
     */
    public ExploreResult explore(Scenario<?> scenario, ExploreOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        return run(scenario.name(), o -> explored(scenario, o), options);
    }

    /**
     * Explores {@code scenario}: with refguard's agent attached, through it, so that the
     * synchronization of the instrumented code the actors call (volatile and atomic accesses,
     * locks, JDK collections and pools) is scheduling points and models, as for a program; without
     * it, by the scenario's own points only.
     */
    private static ExploreResult explored(Scenario<?> scenario, ExploreOptions options) {
        return io.refguard.agent.RefguardAgent.attached()
                ? io.refguard.agent.explore.AgentExplorer.explore(scenario, options)
                : scenario.explore(options);
    }

    /**
     * Explores with {@code explorer} (a scenario's or a program's {@code explore}), named {@code
     * name}, honouring a replay request: the one path of both forms of {@code @ExploreTest}.
     */
    ExploreResult run(
            String name, Function<ExploreOptions, ExploreResult> explorer, ExploreOptions options) {
        explored++;
        if (replay == null) {
            try {
                ExploreResult result = explorer.apply(options);
                context.publishReportEntry("refguard.explore", result.toString());
                System.out.println(passed(name, result));
                return result;
            } catch (InterleavingFailure failure) {
                HtmlReports.write(failure, testClass, method);
                context.publishReportEntry(
                        "refguard.replay",
                        ReplaySelection.arguments(failure.replayToken(), testClass, method));
                if (failure.htmlReport() != null) {
                    context.publishReportEntry("refguard.html", failure.htmlReport().toString());
                }
                throw failure;
            } catch (InterleavingInconclusive inconclusive) {
                // fails the test like a bug would: an exploration that could not explore never
                // passes
                context.publishReportEntry("refguard.inconclusive", inconclusive.kind().phrase());
                throw inconclusive;
            }
        }
        return replay(name, explorer, options.withReplay(replay.token()));
    }

    private ExploreResult replay(
            String name,
            Function<ExploreOptions, ExploreResult> explorer,
            ExploreOptions withToken) {
        String what =
                "refguard: replayed "
                        + abbreviate(replay.token())
                        + " on scenario \""
                        + name
                        + "\" in "
                        + testClass.getSimpleName()
                        + "."
                        + method.getName()
                        + "()";
        ExploreResult result;
        try {
            result = explorer.apply(withToken);
        } catch (ReplayTokenException e) {
            // the token was decoded before the test started, so the explorer refused it for this
            // scenario
            if (replay.filtered()) {
                throw new ReplayTokenException(
                        "system property "
                                + ReplaySelection.TEST_PROPERTY
                                + "="
                                + replay.filter()
                                + " selects this test, but "
                                + e.getMessage());
            }
            return Assumptions.abort(
                    "the token in "
                            + replay.property()
                            + " was made for another"
                            + " scenario than \""
                            + name
                            + "\"");
        } catch (InterleavingFailure failure) {
            HtmlReports.write(failure, testClass, method);
            System.out.println(what + ": the schedule fails\n" + failure.table());
            context.publishReportEntry(
                    "refguard.replayed", "fails: " + failure.report().failure().summary());
            throw failure;
        } catch (InterleavingInconclusive inconclusive) {
            System.out.println(
                    what + ": the schedule is inconclusive\n" + inconclusive.getMessage().strip());
            context.publishReportEntry(
                    "refguard.replayed", "inconclusive: " + inconclusive.kind().phrase());
            throw inconclusive;
        }
        System.out.println(what + ": the schedule passes (" + result + ")");
        context.publishReportEntry("refguard.replayed", "passes: " + result);
        return result;
    }

    /**
     * The console line of a passing exploration: how much was run and what it guarantees, so that a
     * thin search reads differently from a thorough one without opening the test report.
     */
    private String passed(String name, ExploreResult result) {
        return passed(testClass.getSimpleName() + "." + method.getName() + "()", name, result);
    }

    /**
     * The line for test {@code test} ({@code Class.method()}) whose exploration of scenario {@code
     * name} passed; a plain test method's scenario is named after the test, so it reads "explored
     * its body".
     */
    static String passed(String test, String name, ExploreResult result) {
        return "refguard: "
                + test
                + (name.equals(test) ? " explored its body" : " explored \"" + name + "\"")
                + ": no failure in "
                + result.runs()
                + (result.runs() == 1 ? " run" : " runs")
                + " ("
                + result.elapsed().toMillis()
                + " ms); "
                + result.guarantee()
                + ".";
    }

    /** How many scenarios this test explored (or replayed, or skipped for a replay) so far. */
    int explored() {
        return explored;
    }

    private static String abbreviate(String token) {
        return token.length() <= 40 ? token : token.substring(0, 37) + "...";
    }
}
