package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import example.HitCounterExplorations;
import example.LeakSamples;
import example.Lines;
import example.RequestHandling;
import io.refguard.explore.InterleavingFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Keeps the output pasted into docs/JUNIT.md true: runs the documented samples and checks that the
 * document contains what they print now. When this fails, paste the output it shows.
 */
class DocsTest {

    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        Path path = Path.of("..", "docs", "JUNIT.md"); // Maven runs tests in the module's directory
        assertTrue(
                Files.isRegularFile(path),
                "docs/JUNIT.md not found from " + Path.of("").toAbsolutePath());
        doc = normalize(Files.readString(path));
    }

    @AfterEach
    void clearReplay() {
        System.clearProperty(ReplaySelection.TOKEN_PROPERTY);
    }

    /** Identity hash codes differ from run to run. */
    private static String normalize(String text) {
        return text.replaceAll("Buffer@[0-9a-f]+", "Buffer@#");
    }

    private static void assertDocContains(String what, String output) {
        String expected = normalize(output.strip());
        assertTrue(
                doc.contains(expected),
                "docs/JUNIT.md should show the " + what + " as it is now:\n" + output);
    }

    @Test
    void theLeakReportIsCurrent() {
        EngineExecutionResults r = Kit.run(selectClass(RequestHandling.class));
        assertDocContains("leak report", Kit.failure(r, "answersARequest").getMessage());
    }

    @Test
    void theSuppressedLeakSitesAreCurrent() {
        Kit.run(selectMethod(LeakSamples.Checked.class, "leaksAndFailsOnItsOwn"));
        int acquired = Lines.of("leaksAndFailsOnItsOwn");
        assertDocContains(
                "acquire site",
                "acquired at        LeakSamples$Checked.leaksAndFailsOnItsOwn(LeakSamples.java:"
                        + acquired
                        + ") on thread main");
        // the sample's failing assertion is two lines below its leak
        assertDocContains(
                "failure site",
                "at example.LeakSamples$Checked.leaksAndFailsOnItsOwn(LeakSamples.java:"
                        + (acquired + 2)
                        + ")");
    }

    @Test
    void theExplorationReportAndReplayOutputAreCurrent() {
        EngineExecutionResults r = Kit.run(selectClass(HitCounterExplorations.class));
        InterleavingFailure failure = (InterleavingFailure) Kit.failure(r, "countsEveryHit");
        assertDocContains("exploration report", failure.table());
        assertDocContains(
                "replay arguments",
                Kit.reportEntries(r, "countsEveryHit", "refguard.replay").get(0));

        System.setProperty(ReplaySelection.TOKEN_PROPERTY, failure.replayToken());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Kit.run(selectClass(HitCounterExplorations.class));
        } finally {
            System.setOut(systemOut);
        }
        assertDocContains("replay output", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theInconclusiveHeadlineIsCurrent() {
        EngineExecutionResults r =
                Kit.run(
                        selectMethod(
                                example.ExploreSamples.class,
                                "plainJavaWithoutTheAgent",
                                Exploration.class.getName()));
        String message = Kit.failure(r, "plainJavaWithoutTheAgent").getMessage();
        assertDocContains("inconclusive headline", message.lines().findFirst().orElseThrow());
    }
}
