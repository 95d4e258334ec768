package io.refguard.cases;

import io.refguard.CheckMode;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Scenario;
import io.refguard.run.Explored;
import io.refguard.run.Outcome;
import io.refguard.run.ScenarioClasses;
import io.refguard.run.Target;
import io.refguard.run.Verdict;
import java.util.List;

/**
 * Runs seed cases through the runner: loads each case's scenario class through a fresh
 * instrumenting class loader, explores it with the case's options, and grades the result against
 * the case's expectation. The caller names the checker's mode for the exploration ({@link
 * CheckMode#TRACKED}, as the command line and the corpus's tests use, makes the reports the same
 * from run to run); the runner restores the previous one afterwards.
 */
public final class CaseRunner {

    private CaseRunner() {}

    /** Explores {@code c} with its own options, the checker in {@code mode}, and grades it. */
    public static Outcome run(SeedCase c, CheckMode mode) {
        return run(c, c.options(), mode);
    }

    /**
     * Explores {@code c} with {@code options} instead of its own (for replays and other
     * strategies), graded as {@link #run(SeedCase, CheckMode)} grades.
     */
    public static Outcome run(SeedCase c, ExploreOptions options, CheckMode mode) {
        Explored e = Explored.run(Target.scenario(scenario(c)), options, mode);
        return Outcome.graded(c.name(), c.variant().id(), grade(c, e), c.expected(), e);
    }

    /** The case's scenario, built by its class loaded instrumented in a loader of its own. */
    public static Scenario<?> scenario(SeedCase c) {
        ClassLoader loader =
                ScenarioClasses.instrumentingLoader(
                        CaseRunner.class.getClassLoader(), List.of(c.include()));
        return ScenarioClasses.scenario(ScenarioClasses.load(c.scenarioClass(), loader));
    }

    /**
     * The grading rules: a buggy case must fail with the failure its seed describes; a fixed case
     * must pass an exhaustive search.
     */
    static Verdict grade(SeedCase c, Explored e) {
        if (e.inconclusive()) {
            return Verdict.INCONCLUSIVE;
        }
        if (c.variant() == Variant.BUGGY) {
            if (!e.failed()) {
                return Verdict.MISSED;
            }
            var f = e.failure().report().failure();
            return f.kind() == c.expectedKind() && f.summary().contains(c.expectedText())
                    ? Verdict.BUG_FOUND
                    : Verdict.FALSE_ALARM;
        }
        if (e.failed()) {
            return Verdict.FALSE_ALARM;
        }
        return e.exhausted() ? Verdict.VERIFIED : Verdict.CLEAN;
    }
}
