package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import example.LeakSamples;
import example.Lines;
import io.refguard.LeakException;
import io.refguard.Report;
import io.refguard.Site;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The leak check around each test, run on the samples in {@link LeakSamples}. */
class LeakCheckTest {

    private static final String FILE = "LeakSamples.java";

    /** The one leak a failure reports, checked to be acquired at the line the sample marked. */
    private static Site onlyLeak(Throwable failure, String lineKey) {
        LeakException leak =
                assertInstanceOf(LeakException.class, failure, () -> Kit.stackTrace(failure));
        assertEquals(1, leak.reports().size(), leak.getMessage());
        Report report = leak.reports().get(0);
        assertEquals(Report.Kind.LEAK, report.kind());
        Site acquired = report.site(Report.Role.ACQUIRED);
        assertEquals(FILE, acquired.fileName(), leak.getMessage());
        assertEquals(Lines.of(lineKey), acquired.lineNumber(), leak.getMessage());
        assertTrue(
                leak.getMessage().contains("(" + FILE + ":" + Lines.of(lineKey) + ")"),
                leak.getMessage());
        return acquired;
    }

    @Test
    void aLeakingTestFailsNamingItsAcquireSite() {
        EngineExecutionResults r =
                Kit.run(selectMethod(LeakSamples.Checked.class, "leaksOneReference"));
        Site acquired = onlyLeak(Kit.failure(r, "leaksOneReference"), "leaksOneReference");
        assertEquals("leaksOneReference", acquired.methodName());
    }

    @Test
    void aTestMethodRunOnATimeoutThreadIsChecked() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.SeparateThread.class));
        Site acquired = onlyLeak(Kit.failure(r, "leaksOnTheTimeoutThread"), "separateThread");
        assertTrue(acquired.threadName().startsWith("junit-timeout-thread"), acquired.toString());
    }

    @Test
    void anAbortedTestThatLeakedFailsWithTheLeak() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.Aborted.class));
        Throwable failure = Kit.failure(r, "leaksThenAborts");
        onlyLeak(failure, "aborted");
        assertEquals(1, failure.getSuppressed().length, () -> Kit.stackTrace(failure));
        assertInstanceOf(TestAbortedException.class, failure.getSuppressed()[0]);
    }

    @Test
    void nestedClassesFollowTheNearestEnclosingAnnotation() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.Outer.class));
        List<TestExecutionResult> results = Kit.results(r, "leaks");
        assertEquals(2, results.size());
        int failed = 0;
        for (TestExecutionResult result : results) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                failed++;
                onlyLeak(result.getThrowable().orElseThrow(), "nested");
            } else {
                assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus());
            }
        }
        assertEquals(1, failed, "Inner.leaks fails, Inner.Exempt.leaks passes");
    }

    @Test
    void aCleanTestPasses() {
        EngineExecutionResults r =
                Kit.run(selectMethod(LeakSamples.Checked.class, "closesEverything"));
        Kit.assertPassed(r, "closesEverything");
    }

    @Test
    void aTestThatFailedKeepsItsFailureAndCarriesTheLeakAsSuppressed() {
        EngineExecutionResults r =
                Kit.run(selectMethod(LeakSamples.Checked.class, "leaksAndFailsOnItsOwn"));
        Throwable failure = Kit.failure(r, "leaksAndFailsOnItsOwn");
        assertInstanceOf(AssertionFailedError.class, failure, () -> Kit.stackTrace(failure));
        assertTrue(
                failure.getMessage().startsWith("the sample's own failure"), failure.getMessage());
        assertEquals(1, failure.getSuppressed().length, () -> Kit.stackTrace(failure));
        onlyLeak(failure.getSuppressed()[0], "leaksAndFailsOnItsOwn");
    }

    @Test
    void aTaskWrappedWithTheInjectedScopeIsChecked() {
        EngineExecutionResults r =
                Kit.run(
                        selectMethod(
                                LeakSamples.Checked.class,
                                "leaksInAnExecutorTask",
                                "io.refguard.LeakScope"));
        Site acquired = onlyLeak(Kit.failure(r, "leaksInAnExecutorTask"), "leaksInAnExecutorTask");
        assertTrue(acquired.methodName().contains("leaksInAnExecutorTask"), acquired.toString());
        assertTrue(
                acquired.threadName().startsWith("pool-"),
                "acquired on the executor's thread: " + acquired);
    }

    @Test
    void aThreadJoiningTheCurrentScopeIsChecked() {
        EngineExecutionResults r =
                Kit.run(
                        selectMethod(
                                LeakSamples.Checked.class,
                                "leaksOnAThreadThatJoinedTheCurrentScope"));
        Site acquired =
                onlyLeak(Kit.failure(r, "leaksOnAThreadThatJoinedTheCurrentScope"), "currentScope");
        assertEquals("joined-worker", acquired.threadName());
    }

    @Test
    void aReferenceAcquiredOnAThreadOutsideTheScopeIsNotTheTests() {
        EngineExecutionResults r =
                Kit.run(selectMethod(LeakSamples.Checked.class, "leaksOnAnUnboundThread"));
        Kit.assertPassed(r, "leaksOnAnUnboundThread");
    }

    @Test
    void theCheckCanBeTurnedOffForOneMethod() {
        EngineExecutionResults r =
                Kit.run(selectMethod(LeakSamples.Checked.class, "leaksWithTheCheckOff"));
        Kit.assertPassed(r, "leaksWithTheCheckOff");
    }

    @Test
    void aFixtureClosedAfterEachTestIsNoLeak() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.FixtureClosedAfterEach.class));
        Kit.assertPassed(r, "usesTheFixture");
    }

    @Test
    void aFixtureNeverClosedIsTheTestsLeak() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.FixtureNeverClosed.class));
        Site acquired = onlyLeak(Kit.failure(r, "usesTheFixture"), "fixtureNeverClosed");
        assertEquals("open", acquired.methodName());
    }

    @Test
    void lifecycleMethodsCanBeLeftOutOfTheCheck() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.FixtureOutsideTheCheck.class));
        Kit.assertPassed(r, "usesTheFixture");
        onlyLeak(Kit.failure(r, "leaksInTheTestItself"), "outsideTheCheck");
    }

    @Test
    void everyRepetitionIsCheckedOnItsOwn() {
        EngineExecutionResults r = Kit.run(selectClass(LeakSamples.Repeated.class));
        List<TestExecutionResult> results = Kit.results(r, "leaksEachTime");
        assertEquals(2, results.size());
        for (TestExecutionResult result : results) {
            assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
            onlyLeak(result.getThrowable().orElseThrow(), "repeated");
        }
    }

    @Test
    void withoutAnnotationOrAutoDetectionNothingIsChecked() {
        EngineExecutionResults r = Kit.run(selectMethod(LeakSamples.Unannotated.class, "leaks"));
        Kit.assertPassed(r, "leaks");
    }

    @Test
    void autoDetectionChecksUnannotatedTests() {
        EngineExecutionResults r =
                Kit.run(Kit.autoDetection(), selectClass(LeakSamples.Unannotated.class));
        onlyLeak(Kit.failure(r, "leaks"), "unannotated");
        Kit.assertPassed(r, "leaksExempt");
        Kit.assertPassed(r, "receivesTheScope");
    }

    @Test
    void annotationAndAutoDetectionTogetherCheckOnce() {
        EngineExecutionResults r =
                Kit.run(
                        Kit.autoDetection(),
                        selectClass(LeakSamples.AnnotatedAndAutoDetected.class));
        Throwable failure = Kit.failure(r, "leaks");
        onlyLeak(failure, "annotatedAndAutoDetected");
        assertEquals(0, failure.getSuppressed().length, () -> Kit.stackTrace(failure));
    }
}
