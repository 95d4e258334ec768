package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.ExploreSamples;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.replay.ReplayTokenException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Replaying one schedule by token: {@code -Drefguard.replay=<token>}, optionally with {@code
 * -Drefguard.replay.test=Class#method}. The token always comes from a failure found in the same
 * test, never from a literal.
 */
class ReplayTest {

    private static final String BUGGY = "sharedCounterLosesAnUpdate";
    private static final String FIXED = "stripedCounterCountsEveryHit";
    private static final String OTHER = "anotherScenario";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream systemOut;

    @BeforeEach
    void clearProperties() {
        System.clearProperty(ReplaySelection.TOKEN_PROPERTY);
        System.clearProperty(ReplaySelection.TEST_PROPERTY);
        System.clearProperty(ReplaySelection.EXPLORER_TOKEN_PROPERTY);
    }

    @AfterEach
    void restore() {
        clearProperties();
        if (systemOut != null) {
            System.setOut(systemOut);
        }
    }

    /** Explores the buggy sample and returns the token of the schedule it fails with. */
    private static InterleavingFailure search() {
        EngineExecutionResults r = Kit.run(ExploreExtensionTest.selectors(BUGGY));
        return (InterleavingFailure) Kit.failure(r, BUGGY);
    }

    /** Runs {@code methods} of the samples with the replay properties set, capturing System.out. */
    private EngineExecutionResults replay(String token, String test, String... methods) {
        return replayWith(ReplaySelection.TOKEN_PROPERTY, token, test, methods);
    }

    private EngineExecutionResults replayWith(
            String property, String token, String test, String... methods) {
        System.setProperty(property, token);
        if (test != null) {
            System.setProperty(ReplaySelection.TEST_PROPERTY, test);
        }
        systemOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            return Kit.run(ExploreExtensionTest.selectors(methods));
        } finally {
            System.setOut(systemOut);
        }
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTokenWithATestFilterReplaysThatScheduleOnceAndSkipsTheOtherExplorations() {
        InterleavingFailure found = search();
        EngineExecutionResults r =
                replay(found.replayToken(), "ExploreSamples#" + BUGGY, BUGGY, OTHER);

        InterleavingFailure replayed =
                assertInstanceOf(InterleavingFailure.class, Kit.failure(r, BUGGY));
        assertEquals("replay of a token", replayed.report().foundBy());
        assertEquals(1, replayed.report().runs());
        assertEquals(found.replayToken(), replayed.replayToken());
        assertEquals(found.report().events().size(), replayed.report().events().size());
        assertEquals(found.report().failure(), replayed.report().failure());

        assertTrue(
                printed()
                        .contains(
                                "on scenario \"hit counter\" in ExploreSamples."
                                        + BUGGY
                                        + "(): the schedule fails\n"
                                        + replayed.table()),
                printed());
        assertEquals(
                List.of("fails: " + found.report().failure().summary()),
                Kit.reportEntries(r, BUGGY, "refguard.replayed"));

        assertEquals(
                "refguard.replay.test=ExploreSamples#" + BUGGY + " selects another test to replay",
                Kit.skipReason(r, OTHER));
    }

    @Test
    void theFailingScheduleReplayedOnTheFixedCodePasses() {
        InterleavingFailure found = search();
        EngineExecutionResults r = replay(found.replayToken(), FIXED, FIXED);

        Kit.assertPassed(r, FIXED);
        ExploreResult result = ExploreSamples.RESULTS.get(FIXED);
        assertEquals(ExploreResult.Stop.REPLAYED, result.stop());
        assertEquals(1, result.runs());
        assertTrue(printed().contains("the schedule passes (" + result + ")"), printed());
        assertEquals(
                List.of("passes: " + result), Kit.reportEntries(r, FIXED, "refguard.replayed"));
    }

    @Test
    void withoutAFilterTestsOfOtherScenariosAreSkipped() {
        InterleavingFailure found = search();
        EngineExecutionResults r = replay(found.replayToken(), null, BUGGY, OTHER);

        InterleavingFailure replayed =
                assertInstanceOf(InterleavingFailure.class, Kit.failure(r, BUGGY));
        assertEquals(1, replayed.report().runs());
        TestExecutionResult other = Kit.result(r, OTHER);
        assertEquals(TestExecutionResult.Status.ABORTED, other.getStatus());
        assertEquals(
                "the token in refguard.replay was made for another scenario than"
                        + " \"one thread\"",
                other.getThrowable().orElseThrow().getMessage());
    }

    @Test
    void theTokenMayComeInTheExplorersOwnPropertyAsItsReportSuggests() {
        InterleavingFailure found = search();
        assertTrue(
                found.table().contains("-Drefguard.explore.replay=" + found.replayToken()),
                found.table());
        EngineExecutionResults r =
                replayWith(
                        ReplaySelection.EXPLORER_TOKEN_PROPERTY,
                        found.replayToken(),
                        null,
                        BUGGY,
                        OTHER);

        InterleavingFailure replayed =
                assertInstanceOf(InterleavingFailure.class, Kit.failure(r, BUGGY));
        assertEquals(1, replayed.report().runs());
        assertTrue(printed().contains("the schedule fails\n" + replayed.table()), printed());
        TestExecutionResult other = Kit.result(r, OTHER);
        assertEquals(TestExecutionResult.Status.ABORTED, other.getStatus());
        assertEquals(
                "the token in refguard.explore.replay was made for another scenario than \"one thread\"",
                other.getThrowable().orElseThrow().getMessage());
    }

    @Test
    void aFilterSelectingATestOfAnotherScenarioFailsIt() {
        InterleavingFailure found = search();
        EngineExecutionResults r = replay(found.replayToken(), OTHER, OTHER);

        Throwable failure = Kit.failure(r, OTHER);
        assertInstanceOf(ReplayTokenException.class, failure);
        assertTrue(
                failure.getMessage()
                        .startsWith(
                                "system property refguard.replay.test="
                                        + OTHER
                                        + " selects this test, but this replay token was made for another scenario"),
                failure.getMessage());
    }

    @Test
    void aDamagedTokenFailsEveryExplorationTestSayingWhy() {
        InterleavingFailure found = search();
        String damaged = found.replayToken().substring(0, found.replayToken().length() - 2);
        EngineExecutionResults r = replay(damaged, null, BUGGY);

        Throwable failure = Kit.failure(r, BUGGY);
        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertTrue(
                failure.getMessage().startsWith("system property refguard.replay: replay token '"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("is damaged"), failure.getMessage());
        assertNotNull(failure.getCause());
    }
}
