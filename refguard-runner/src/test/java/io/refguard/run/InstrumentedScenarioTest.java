package io.refguard.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.cases.Counters;
import io.refguard.CheckMode;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario classes loaded through the instrumenting loader have their synchronization explored:
 * volatile accesses become scheduling points and monitors modeled locks. The same class loaded
 * plainly has none, so the explorer cannot see its race.
 */
class InstrumentedScenarioTest {

    private static final ExploreOptions BOUND_2 = ExploreOptions.exhaustive().preemptionBound(2);

    private static Scenario<?> instrumented(Class<?> c) {
        ClassLoader loader =
                ScenarioClasses.instrumentingLoader(getClassLoader(), List.of("example.cases.*"));
        return ScenarioClasses.scenario(ScenarioClasses.load(c.getName(), loader));
    }

    /** Explores {@code s} within two preemptions, the checker tracking every object meanwhile. */
    private static Explored explore(Scenario<?> s) {
        return Explored.run(Target.scenario(s), BOUND_2, CheckMode.TRACKED);
    }

    private static ClassLoader getClassLoader() {
        return InstrumentedScenarioTest.class.getClassLoader();
    }

    @Test
    void instrumentedVolatileAccessesAreSchedulingPoints() {
        Explored e = explore(instrumented(Counters.Racy.class));
        assertTrue(e.failed(), "the lost update is found");
        assertEquals(1, e.preemptions());
        String table = e.table();
        // the table folds the object's name (Counter#1) to stay 120 columns wide
        assertTrue(table.contains("volatile read Counter.value "), table);
        assertTrue(table.contains("volatile write Counter.value "), table);
        assertTrue(table.contains("both increments must count, got 1"), table);
        assertTrue(
                java.util.regex.Pattern.compile(
                                "volatile read Counter\\.value .*\\(Counters\\.java:")
                        .matcher(table)
                        .find(),
                "steps name the model's line:\n" + table);
    }

    @Test
    void withoutInstrumentationTheRaceIsInvisibleSoTheExplorationIsInconclusiveNotAPass() {
        Explored e = explore(ScenarioClasses.scenario(Counters.Racy.class));
        assertFalse(e.failed(), () -> e.table());
        assertFalse(e.exhausted());
        assertTrue(e.inconclusive(), "no scheduling point: nothing was explored");
        assertEquals(
                io.refguard.explore.report.FailureKind.NOT_INSTRUMENTED,
                e.inconclusiveCause().kind());
        assertEquals(Verdict.INCONCLUSIVE, Outcome.of("racy", e).verdict());
    }

    @Test
    void instrumentedMonitorsAreModeledLocks() {
        Explored e = explore(instrumented(Counters.Locked.class));
        assertFalse(e.failed(), () -> e.table());
        assertTrue(e.exhausted());
        assertTrue(
                e.schedules() > 2,
                "the monitor's points give the search schedules to run: " + e.schedules());
    }

    @Test
    void instrumentedJavaUtilConcurrentLocksAreModeledToo() {
        Explored e = explore(instrumented(Counters.JucLocked.class));
        assertFalse(e.failed(), () -> e.table());
        assertTrue(e.exhausted());
        assertTrue(
                e.schedules() > 2,
                "the lock's points give the search schedules to run: " + e.schedules());
    }

    @Test
    void scenarioLoadErrorsNameTheProblem() {
        ScenarioLoadException missing =
                assertThrows(
                        ScenarioLoadException.class,
                        () -> ScenarioClasses.load("example.cases.Nope", getClassLoader()));
        assertTrue(
                missing.getMessage().startsWith("class example.cases.Nope was not found"),
                missing.getMessage());
        ScenarioLoadException noFactory =
                assertThrows(
                        ScenarioLoadException.class,
                        () -> ScenarioClasses.scenario(Counters.class));
        assertTrue(
                noFactory
                        .getMessage()
                        .contains("has no method 'public static Scenario<?> scenario()'"),
                noFactory.getMessage());
    }
}
