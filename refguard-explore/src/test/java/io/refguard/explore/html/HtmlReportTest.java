package io.refguard.explore.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.HtmlRenderer;
import io.refguard.explore.report.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page of a report, read as text: self-contained, escaped, one lane per thread, every
 * step.
 */
class HtmlReportTest {

    @Test
    void aPageHasALanePerThreadAndARowPerStepOfTheTable() {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        String html = HtmlRenderer.render(f.report());
        assertEquals(3, count(html, "<th class=\"lane "), html);
        long tableRows = f.table().lines().filter(l -> l.matches("\\| \\d+.*")).count();
        assertEquals(
                tableRows, count(html, "<tr class=\"step"), "the same steps as the text table");
        long preempted = f.table().lines().filter(l -> l.matches("\\| \\d+ \\*.*")).count();
        assertEquals(preempted, count(html, "<tr class=\"step preempted"), html);
        assertTrue(html.contains("id=\"replay-token\">" + f.replayToken() + "</code>"), html);
    }

    @Test
    void aDeadlockShowsWhatEachThreadWaitsForInItsLane() {
        InterleavingFailure f = ReportFixtures.lockOrderDeadlock();
        String html = HtmlRenderer.render(f.report());
        long blocked = f.table().lines().filter(l -> l.contains("(blocked: waits for")).count();
        assertTrue(blocked >= 2, f.table());
        assertEquals(blocked, count(html, "<tr class=\"event blocked\""), html);
        assertTrue(html.contains("blocked: waits for lock account A, held by T1"), html);
        assertTrue(
                html.contains("<p class=\"detail\">T1 waits for lock account B, held by T2</p>"),
                html);
    }

    @Test
    void stepsCarryTheirUserMethodAndStack() {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        TraceEvent.Step acquire =
                f.report().events().stream()
                        .filter(e -> e instanceof TraceEvent.Step)
                        .map(e -> (TraceEvent.Step) e)
                        .filter(s -> s.label().endsWith(".acquire()"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("ReportFixtures.lookUp", acquire.method());
        assertTrue(
                acquire.stack().get(0).startsWith("ReportFixtures.lookUp(ReportFixtures.java:"),
                acquire.stack().toString());
        String html = HtmlRenderer.render(f.report());
        assertTrue(html.contains("<span class=\"in\">in ReportFixtures.lookUp</span>"), html);
        assertTrue(
                html.contains(
                        "<ol class=\"stack\"><li><code>ReportFixtures.lookUp(ReportFixtures.java:"),
                html);
    }

    @Test
    void theFailureShowsTheCheckersSitesAndALeakItsAccessRecords() {
        String html = HtmlRenderer.render(ReportFixtures.forgottenReference().report());
        assertTrue(
                html.contains(
                        "<tr class=\"site\"><th>acquired at</th><td><code>ReportFixtures.lambda$"),
                html);
        assertTrue(html.contains("<ol class=\"records\">"), html);
        assertTrue(
                html.contains("handed to the parser"),
                "the touch hint is an access record:\n" + html);
    }

    @Test
    void thePageLoadsNothingAndEscapesWhatItShows() {
        String html = HtmlRenderer.render(ReportFixtures.acquireAfterEviction().report());
        assertFalse(
                Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no external resources");
        assertFalse(html.contains("<link"), "CSS is inline");
        assertFalse(html.contains("@import") || html.contains("url("), "CSS loads nothing");
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", escape("<a href=\"x\"> & '"));
    }

    @Test
    void writeHtmlCreatesTheFileAndTheFailureMessageNamesIt(@TempDir Path dir) throws Exception {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        assertNull(f.htmlReport());
        Path file = dir.resolve("nested/report.html");
        assertEquals(file, f.writeHtml(file));
        assertEquals(
                HtmlRenderer.render(f.report()), Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(
                f.getMessage().endsWith("HTML report: " + file.toAbsolutePath() + "\n"),
                f.getMessage());
    }

    private static String escape(String s) {
        // through a report whose scenario name needs escaping
        String html =
                HtmlRenderer.render(
                        new io.refguard.explore.report.InterleavingReport(
                                s,
                                java.util.List.of("T1"),
                                java.util.List.of(),
                                null,
                                "test",
                                1,
                                0,
                                "rg1-x",
                                java.util.List.of()));
        Matcher m = Pattern.compile("<h1>Scenario <q>(.*?)</q>").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
