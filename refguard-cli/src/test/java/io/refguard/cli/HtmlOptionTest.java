package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --html FILE} of {@code explore} and {@code replay} writes the failing schedule's page. */
class HtmlOptionTest {

    private static final String RACY = "example.cli.CheckThenClose";
    private static final String FIXED_CASE =
            "io.refguard.cases.reftable.Reftable_04_ReusedReadersGetTemporaryReferences";

    @Test
    void exploreAndReplayWriteThePageOfTheFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/explore.html");
        Cli.Result r = Cli.run("explore", "--class", RACY, "--html", file.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(
                r.err().contains("refguard: HTML report written to " + file.toAbsolutePath()),
                r::toString);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<th class=\"lane lane-0"), html);
        Matcher token = Pattern.compile("Replay: (rg1-\\S+)").matcher(r.out());
        assertTrue(token.find(), r::toString);
        assertTrue(html.contains("id=\"replay-token\">" + token.group(1) + "<"), html);
        // the command line that replays it, with the class it was explored as
        assertTrue(
                html.contains(
                        "<code>refguard replay " + token.group(1) + " --class " + RACY + "</code>"),
                html);

        Path replayed = dir.resolve("replay.html");
        Cli.Result again =
                Cli.run("replay", token.group(1), "--class", RACY, "--html", replayed.toString());
        assertEquals(1, again.status(), again::toString);
        assertTrue(
                Files.readString(replayed, StandardCharsets.UTF_8)
                        .contains("DoubleReleaseException"));
    }

    @Test
    void withoutAFailureNoPageIsWrittenAndTheCommandSaysSo(@TempDir Path dir) {
        Path file = dir.resolve("none.html");
        Cli.Result r = Cli.run("explore", "--class", FIXED_CASE, "--html", file.toString());
        assertEquals(0, r.status(), r::toString);
        assertFalse(Files.exists(file));
        assertTrue(
                r.err().contains("no schedule failed, so no HTML report was written to " + file),
                r::toString);
    }

    @Test
    void anUnwritablePathIsAUsageErrorBeforeAnythingIsExplored(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        for (Path bad : List.of(blocker.resolve("report.html"), dir)) {
            Cli.Result r = Cli.run("explore", "--class", RACY, "--html", bad.toString());
            assertEquals(2, r.status(), r::toString);
            assertTrue(r.err().contains("--html " + bad + " cannot be written: "), r::toString);
            assertFalse(r.err().contains("exploring "), "refused before exploring: " + r);
        }
    }
}
