package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.ExploreSamples;
import io.refguard.explore.InterleavingFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A failing exploration test writes its HTML page next to Surefire's reports and names it in its
 * message.
 */
class HtmlReportsTest {

    private static final String TEST = "sharedCounterLosesAnUpdate";

    @AfterEach
    void clear() {
        System.clearProperty(HtmlReports.DIR_PROPERTY);
        System.clearProperty(HtmlReports.ENABLED_PROPERTY);
    }

    @Test
    void byDefaultThePageGoesNextToSurefiresReports() throws Exception {
        String basedir = System.getProperty("basedir", Path.of("").toAbsolutePath().toString());
        Path expected =
                Path.of(
                                basedir,
                                "target",
                                "surefire-reports",
                                "refguard",
                                ExploreSamples.class.getName() + "." + TEST + ".html")
                        .toAbsolutePath();
        Files.deleteIfExists(expected);
        InterleavingFailure f = failure(Kit.run(ExploreExtensionTest.selectors(TEST)));
        assertEquals(expected, f.htmlReport());
        assertTrue(f.getMessage().endsWith("HTML report: " + expected + "\n"), f.getMessage());
        String html = Files.readString(expected, StandardCharsets.UTF_8);
        assertTrue(html.contains("Scenario <q>hit counter</q>"), html);
        assertTrue(html.contains(f.replayToken()), html);
    }

    @Test
    void theDirectoryCanBeChosenAndThePublishedEntryNamesThePage(@TempDir Path dir) {
        System.setProperty(HtmlReports.DIR_PROPERTY, dir.toString());
        EngineExecutionResults r = Kit.run(ExploreExtensionTest.selectors(TEST));
        InterleavingFailure f = failure(r);
        Path page = dir.resolve(ExploreSamples.class.getName() + "." + TEST + ".html");
        assertTrue(Files.isRegularFile(page), page.toString());
        assertEquals(
                List.of(page.toAbsolutePath().toString()),
                Kit.reportEntries(r, TEST, "refguard.html"));
        assertEquals(page.toAbsolutePath(), f.htmlReport());
    }

    @Test
    void pagesCanBeTurnedOff() {
        System.setProperty(HtmlReports.ENABLED_PROPERTY, "false");
        EngineExecutionResults r = Kit.run(ExploreExtensionTest.selectors(TEST));
        InterleavingFailure f = failure(r);
        assertNull(f.htmlReport());
        assertFalse(f.getMessage().contains("HTML report:"), f.getMessage());
        assertTrue(Kit.reportEntries(r, TEST, "refguard.html").isEmpty());
    }

    private static InterleavingFailure failure(EngineExecutionResults r) {
        Throwable t = Kit.failure(r, TEST);
        return assertInstanceOf(InterleavingFailure.class, t, () -> Kit.stackTrace(t));
    }
}
