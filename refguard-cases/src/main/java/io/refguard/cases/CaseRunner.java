package io.refguard.cases;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Scenario;
import java.util.List;

/**
 * Runs seed cases: loads each case's scenario class through a fresh instrumenting class loader,
 * explores it with the case's options, and grades the result.
 */
public final class CaseRunner {

    private CaseRunner() {}

    /** Explores {@code c} with its own options and grades the result. */
    public static Outcome run(SeedCase c) {
        return Outcome.of(c, Exploration.run(scenario(c), c.options()));
    }

    /**
     * Explores {@code c} with {@code options} instead of its own (for replays and other
     * strategies), graded as {@link #run(SeedCase)} grades.
     */
    public static Outcome run(SeedCase c, ExploreOptions options) {
        return Outcome.of(c, Exploration.run(scenario(c), options));
    }

    /** The case's scenario, built by its class loaded instrumented in a loader of its own. */
    public static Scenario<?> scenario(SeedCase c) {
        ClassLoader loader =
                ScenarioClasses.instrumentingLoader(
                        CaseRunner.class.getClassLoader(), List.of(c.include()));
        return ScenarioClasses.scenario(ScenarioClasses.load(c.scenarioClass(), loader));
    }
}
