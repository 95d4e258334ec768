package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import example.ExploreSamples;
import io.refguard.LeakException;
import io.refguard.Report;
import io.refguard.agent.AgentOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.replay.ReplayToken;
import io.refguard.explore.report.FailureKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@link ExploreTest} methods, run on the samples in {@link ExploreSamples}. */
class ExploreExtensionTest {

    private static EngineExecutionResults run(String... methods) {
        return Kit.run(selectors(methods));
    }

    static org.junit.platform.engine.DiscoverySelector[] selectors(String... methods) {
        org.junit.platform.engine.DiscoverySelector[] selectors =
                new org.junit.platform.engine.DiscoverySelector[methods.length];
        for (int i = 0; i < methods.length; i++) {
            selectors[i] =
                    selectMethod(ExploreSamples.class, methods[i], Exploration.class.getName());
        }
        return selectors;
    }

    @Test
    void aBuggyScenarioFailsWithItsTableAndReplayToken() {
        EngineExecutionResults r = run("sharedCounterLosesAnUpdate");
        Throwable failure = Kit.failure(r, "sharedCounterLosesAnUpdate");
        InterleavingFailure f =
                assertInstanceOf(InterleavingFailure.class, failure, () -> Kit.stackTrace(failure));
        assertEquals(FailureKind.FINAL_CHECK, f.report().failure().kind());
        assertEquals(List.of("T1", "T2"), f.report().threads());
        String message = f.getMessage();
        assertTrue(message.contains("Scenario \"hit counter\" failed"), message);
        assertTrue(
                message.contains("| T1") && message.contains("| T2"),
                "one column per thread: " + message);
        assertTrue(message.contains("hits[0].get") && message.contains("hits[0].set"), message);
        assertTrue(message.contains("2 hits were counted as 1"), message);
        assertTrue(
                f.report().failure().location().startsWith("Hits.java:"),
                "the user's line: " + message);
        String token = f.replayToken();
        assertTrue(message.contains(token), message);
        ReplayToken.decode(token); // a well-formed token
        assertEquals(
                List.of(
                        "-Drefguard.replay="
                                + token
                                + " -Drefguard.replay.test="
                                + ExploreSamples.class.getName()
                                + "#sharedCounterLosesAnUpdate"),
                Kit.reportEntries(r, "sharedCounterLosesAnUpdate", "refguard.replay"));
    }

    @Test
    void anExplorationThatCouldNotControlTheCodeFailsAsInconclusiveAndIsNeverSkipped() {
        EngineExecutionResults r = run("plainJavaWithoutTheAgent");
        assertEquals(0, r.testEvents().skipped().count());
        assertEquals(0, r.testEvents().aborted().count());
        Throwable failure = Kit.failure(r, "plainJavaWithoutTheAgent");
        InterleavingInconclusive i =
                assertInstanceOf(
                        InterleavingInconclusive.class, failure, () -> Kit.stackTrace(failure));
        assertEquals(FailureKind.NOT_INSTRUMENTED, i.kind());
        assertTrue(
                i.getMessage().contains("Scenario \"plain counter\" is inconclusive"),
                i.getMessage());
        assertTrue(i.getMessage().contains("prepare-agent"), i.getMessage());
        assertEquals(
                1,
                Kit.reportEntries(r, "plainJavaWithoutTheAgent", "refguard.inconclusive").size());
    }

    @Test
    void theFixedScenarioPassesAfterExhaustingTheBound() {
        EngineExecutionResults[] holder = new EngineExecutionResults[1];
        String printed = Kit.printed(() -> holder[0] = run("stripedCounterCountsEveryHit"));
        EngineExecutionResults r = holder[0];
        Kit.assertPassed(r, "stripedCounterCountsEveryHit");
        ExploreResult result = ExploreSamples.RESULTS.get("stripedCounterCountsEveryHit");
        // the console says how much was explored and what the pass guarantees
        assertTrue(
                printed.contains(
                        "refguard: ExploreSamples.stripedCounterCountsEveryHit() explored \""
                                + result.scenario()
                                + "\": no failure in "
                                + result.runs()
                                + " runs ("),
                printed);
        assertTrue(printed.contains(result.guarantee()), printed);
        assertEquals(ExploreResult.Stop.EXHAUSTED, result.stop());
        assertTrue(
                result.strategy().startsWith("default search: exhaustive, preemption bound 2"),
                result.strategy());
        assertTrue(result.distinctSchedules() > 1, result.toString());
        // each thread counts in its own slot: nothing to order, however many schedules ran
        assertEquals(0, result.coverage().orders(), result.toString());
        assertTrue(result.toString().contains("; coverage: 0 orders of"), result.toString());
        assertEquals(
                List.of(result.toString()),
                Kit.reportEntries(r, "stripedCounterCountsEveryHit", "refguard.explore"));
    }

    @Test
    void annotationAttributesBecomeTheExploreOptions() {
        EngineExecutionResults r = run("randomWalkWithinItsBudget", "boundTooLowToSeeTheRace");
        Kit.assertPassed(r, "randomWalkWithinItsBudget");
        ExploreResult random = ExploreSamples.RESULTS.get("randomWalkWithinItsBudget");
        assertEquals("random walk, seed 42", random.strategy());
        assertEquals(7, random.runs());
        assertEquals(ExploreResult.Stop.MAX_RUNS, random.stop());

        // with no preemption allowed, the lost update cannot happen, so the buggy counter passes
        Kit.assertPassed(r, "boundTooLowToSeeTheRace");
        ExploreResult bounded = ExploreSamples.RESULTS.get("boundTooLowToSeeTheRace");
        assertEquals("exhaustive, preemption bound 0", bounded.strategy());
        assertTrue(bounded.boundLimited(), bounded.toString());
        // both threads read and write one slot: each order of them is coverage
        assertTrue(bounded.coverage().orders() > 0, bounded.toString());
        assertTrue(
                bounded.toString()
                        .contains("; coverage: " + bounded.coverage().orders() + " orders of"),
                bounded.toString());
    }

    @Test
    void inALeakCheckedClassTheExplorerChecksEachRunAndTheTestItsOwnBody() {
        EngineExecutionResults r =
                Kit.run(DiscoverySelectors.selectClass(example.LeakCheckedExplorations.class));
        Kit.assertPassed(r, "exploresACleanScenario");
        Throwable failure = Kit.failure(r, "leaksOutsideTheScenario");
        LeakException leak =
                assertInstanceOf(LeakException.class, failure, () -> Kit.stackTrace(failure));
        assertEquals(1, leak.reports().size(), leak.getMessage());
        assertEquals(
                example.Lines.of("explorationBody"),
                leak.reports().get(0).site(Report.Role.ACQUIRED).lineNumber());
    }

    @Test
    void aMethodThatExploresNothingFails() {
        EngineExecutionResults r = run("forgetsToExplore");
        Throwable failure = Kit.failure(r, "forgetsToExplore");
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals(
                "refguard: @ExploreTest method ExploreSamples.forgetsToExplore() returned without exploring"
                        + " a scenario: pass it to exploration.explore(...)",
                failure.getMessage());
    }

    @Test
    void aPlainMethodWithoutTheAgentFailsSayingHowToAddIt() {
        // this module's tests run without -javaagent: exploring the body would explore nothing
        EngineExecutionResults r =
                Kit.run(
                        DiscoverySelectors.selectMethod(
                                ExploreSamples.class, "takesNoExploration"));
        Throwable failure = Kit.failure(r, "takesNoExploration");
        assertInstanceOf(InterleavingInconclusive.class, failure);
        assertEquals(FailureKind.NOT_INSTRUMENTED, ((InterleavingInconclusive) failure).kind());
        String message = failure.getMessage();
        assertTrue(
                message.startsWith(
                        "refguard: inconclusive: @ExploreTest method ExploreSamples.takesNoExploration()"
                                + " explores its body as a program, which needs the refguard agent in the test JVM, and the agent"
                                + " is missing"),
                message);
        assertTrue(
                message.contains("refguard-maven-plugin")
                        && message.contains("@{argLine}")
                        && message.contains("-javaagent:"),
                message);
        assertEquals(
                0, ExploreSamples.PLAIN_BODY_RUNS.get(), "the body must not run without the agent");
    }

    @Test
    void aPlainMethodOutsideTheAgentsIncludeFailsSayingSo() {
        AgentOptions options = AgentOptions.defaults().withInclude("com.acme.*");
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                ProgramMethod.requireAgent(
                                        Optional.of(options),
                                        ExploreSamples.class,
                                        "ExploreSamples.m()"));
        assertTrue(
                e.getMessage().contains("do not instrument example.ExploreSamples")
                        && e.getMessage().contains("widen the agent's include"),
                e.getMessage());
        ProgramMethod.requireAgent(
                Optional.of(AgentOptions.defaults()), ExploreSamples.class, "ExploreSamples.m()");
    }

    @Test
    void aBadAttributeNamesTheMethodAndTheFix() {
        EngineExecutionResults r = run("badDuration");
        Throwable failure = Kit.failure(r, "badDuration");
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "@ExploreTest on ExploreSamples.badDuration(): maxTime = \"soon\" is"
                                        + " not a duration: use a positive duration of at most 365 days, such as"
                                        + " 500ms, 30s, 2m or PT30S; fix the annotation"),
                () -> Kit.stackTrace(failure));
    }

    @Test
    void explorationTestsPassUnderParallelExecution() {
        // ParallelExploreTest shows that they overlap; here the samples keep their verdicts.
        EngineExecutionResults r =
                Kit.run(
                        Kit.parallel(),
                        selectors(
                                "stripedCounterCountsEveryHit",
                                "randomWalkWithinItsBudget",
                                "boundTooLowToSeeTheRace",
                                "anotherScenario"));
        Kit.assertPassed(r, "stripedCounterCountsEveryHit");
        Kit.assertPassed(r, "randomWalkWithinItsBudget");
        Kit.assertPassed(r, "boundTooLowToSeeTheRace");
        Kit.assertPassed(r, "anotherScenario");
    }

    @Test
    void thePassLineNamesTheScenarioOrThePlainBody() {
        ExploreResult r =
                new ExploreResult(
                        "T.body()",
                        "exhaustive, preemption bound 2",
                        12,
                        12,
                        java.time.Duration.ofMillis(7),
                        ExploreResult.Stop.EXHAUSTED,
                        true,
                        40,
                        20,
                        0,
                        1,
                        0,
                        new io.refguard.explore.Coverage(3, 0, 12, false));
        assertEquals(
                "refguard: T.body() explored its body: no failure in 12 runs (7 ms); "
                        + r.guarantee()
                        + ".",
                Exploration.passed("T.body()", "T.body()", r));
        assertTrue(
                Exploration.passed("T.counts()", "hit counter", r)
                        .startsWith(
                                "refguard: T.counts() explored \"hit counter\": no failure in"));
    }
}
