package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code refguard explore} and {@code refguard replay} on scenario classes, and their errors. */
class ExploreCommandTest {

    private static final String RACY = "example.cli.CheckThenClose";
    private static final String FIXED_CASE =
            "io.refguard.cases.reftable.Reftable_04_ReusedReadersGetTemporaryReferences";

    @Test
    void aFailingScenarioPrintsItsReportAndExitsOne() {
        Cli.Result r = Cli.run("explore", "--class", RACY);
        assertEquals(1, r.status(), r::toString);
        assertTrue(
                r.out().startsWith("Scenario \"check then close\" failed: a thread threw\n"),
                r::toString);
        assertTrue(r.out().contains("DoubleReleaseException"), r::toString);
        assertTrue(r.out().contains("| step | T1"), r::toString);
        assertTrue(r.err().contains("exploring " + RACY + " (scenario)"), r::toString);
    }

    @Test
    void aPassingScenarioSaysWhatWasExploredAndExitsZero() {
        Cli.Result r = Cli.run("explore", "--class", FIXED_CASE);
        assertEquals(0, r.status(), r::toString);
        assertTrue(
                r.out()
                        .matches(
                                "No failure: \\d+ runs, \\d+ choice points, in \\d+(\\.\\d+)? m?s; every schedule within"
                                        + " the bound was run \\(default search: exhaustive, preemption bound 2, [^)]*\\); schedules with"
                                        + " more preemptions were not; (?:threads seen spinning were held"
                                        + " back at \\d+ points [^;]*; )?coverage: exhaustive within the"
                                        + " bound; \\d+ orders of dependent steps seen \\(the Good-Turing"
                                        + " estimate of new orders in a further run, (?:[0-9.]+|under 0\\.001), is"
                                        + " only informational here\\).\\R"),
                r::toString);
    }

    @Test
    void budgetOptionsReachTheExplorer() throws Exception {
        Cli.Result r =
                Cli.run("explore", "--class", FIXED_CASE, "--preemption-bound", "0", "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(
                o.get("strategy")
                        .asText()
                        .startsWith("default search: exhaustive, preemption bound 0"),
                o.get("strategy").asText());
        assertEquals(0, o.get("preemptions").asInt());
        assertTrue(o.get("variant").isNull());
        assertEquals("verified", o.get("verdict").asText());

        Cli.Result capped = Cli.run("explore", "--class", FIXED_CASE, "--max-runs", "3", "--json");
        JsonNode c = new ObjectMapper().readTree(capped.out());
        assertEquals(0, capped.status(), capped::toString);
        assertEquals("clean", c.get("verdict").asText(), capped::toString);
        JsonNode coverage = c.get("coverage");
        assertEquals(3, coverage.get("runs").asLong(), capped::toString);
        assertTrue(coverage.get("orders").asLong() > 0, capped::toString);
        assertTrue(coverage.get("seen_once").asLong() <= coverage.get("orders").asLong());
        assertEquals(
                coverage.get("seen_once").asDouble() / 3,
                coverage.get("unseen_estimate").asDouble(),
                1e-6,
                capped::toString);
        assertFalse(coverage.get("capped").asBoolean(), capped::toString);
        assertTrue(
                c.get("guarantee").asText().contains("; coverage: "), c.get("guarantee").asText());
        assertEquals(3, c.get("schedules").asLong());

        Cli.Result random =
                Cli.run(
                        "explore",
                        "--class",
                        RACY,
                        "--strategy",
                        "random",
                        "--seed",
                        "7",
                        "--json");
        JsonNode f = new ObjectMapper().readTree(random.out());
        assertEquals(1, random.status(), random::toString);
        assertTrue(f.get("strategy").asText().startsWith("random"), random::toString);
        assertTrue(f.get("preemptions").isInt());
    }

    @Test
    void replayRerunsTheTokensScheduleAndPrintsTheSameReport() throws Exception {
        Cli.Result found = Cli.run("explore", "--class", RACY, "--json");
        JsonNode f = new ObjectMapper().readTree(found.out());
        String token = f.get("token").asText();
        Cli.Result replayed = Cli.run("replay", token, "--class", RACY);
        assertEquals(1, replayed.status(), replayed::toString);
        String table = f.get("report").asText();
        assertEquals(section(table), section(replayed.out()));
        assertTrue(replayed.out().contains("Found by replay of a token"), replayed::toString);
    }

    @Test
    void aTokenOfAnotherScenarioIsRefused() throws Exception {
        Cli.Result foreign =
                Cli.run(
                        "replay",
                        tokenOf("io.refguard.cases.nsinfo.Nsinfo_01_LockTooNarrow"),
                        "--class",
                        RACY);
        assertEquals(2, foreign.status(), foreign::toString);
        assertTrue(foreign.err().contains("was made for another scenario"), foreign::toString);
    }

    @Test
    void malformedTokensAreUsageErrorsSayingWhatIsWrong() {
        Cli.Result r = Cli.run("replay", "not-a-token", "--class", RACY);
        assertEquals(2, r.status(), r::toString);
        assertTrue(
                r.err().contains("is not a refguard replay token: tokens start with rg1-"),
                r::toString);
        Cli.Result damaged = Cli.run("replay", "rg1-AAAAAAAAAAAAAAAAAAAA", "--class", RACY);
        assertEquals(2, damaged.status(), damaged::toString);
        assertTrue(damaged.err().contains("is damaged"), damaged::toString);
    }

    @Test
    void classProblemsAreUsageErrors() {
        Cli.Result missing = Cli.run("explore", "--class", "example.cli.Missing");
        assertEquals(2, missing.status(), missing::toString);
        assertTrue(
                missing.err().contains("class example.cli.Missing was not found"),
                missing::toString);
        assertFalse(missing.err().contains("here perhaps"), missing::toString);

        Cli.Result path = Cli.run("explore", "--class", "example/cli/PlainCounter.class");
        assertEquals(2, path.status(), path::toString);
        assertTrue(
                path.err()
                        .contains(
                                "was not found. Give its binary name (package.Outer$Nested; here"
                                        + " perhaps example.cli.PlainCounter)"),
                path::toString);

        Cli.Result noEntry = Cli.run("explore", "--class", "example.cli.NoEntryPoint");
        assertEquals(2, noEntry.status(), noEntry::toString);
        assertTrue(
                noEntry.err()
                        .contains(
                                "has neither a 'public static Scenario<?> scenario()' method nor a"
                                        + " 'public static void main(String[])' method"),
                noEntry::toString);

        Cli.Result badPath = Cli.run("explore", "--class", RACY, "--classpath", "/no/such/dir");
        assertEquals(2, badPath.status(), badPath::toString);
        assertTrue(
                badPath.err().contains("class path entry /no/such/dir does not exist"),
                badPath::toString);

        Cli.Result uncovered = Cli.run("explore", "--class", RACY, "--include", "com.acme.*");
        assertEquals(2, uncovered.status(), uncovered::toString);
        assertTrue(
                uncovered
                        .err()
                        .contains("--include com.acme.* does not cover example.cli.CheckThenClose"),
                uncovered::toString);

        Cli.Result args = Cli.run("explore", "--class", RACY, "--", "extra");
        assertEquals(2, args.status(), args::toString);
        assertTrue(
                args.err().contains("is a scenario class: it takes no program arguments"),
                args::toString);
    }

    @Test
    void aScenarioUsingJavaUtilConcurrentLocksIsExploredThroughTheAgent() {
        Cli.Result r = Cli.run("explore", "--class", "example.cli.UsesReentrantLock", "--json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("\"verdict\":\"verified\""), r::toString);
        // two actors taking and dropping one lock: more than the two serial orders are explored
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"schedules\":(\\d+)").matcher(r.out());
        assertTrue(m.find() && Long.parseLong(m.group(1)) > 2, r::toString);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        Cli.Result strategy = Cli.run("explore", "--class", RACY, "--strategy", "bfs");
        assertEquals(2, strategy.status(), strategy::toString);
        assertTrue(
                strategy.err()
                        .contains(
                                "'bfs' is not a strategy; use one of default, exhaustive, random, pct, pos, surw, pct-races, dpor"),
                strategy::toString);
        Cli.Result time = Cli.run("explore", "--class", RACY, "--max-time", "soon");
        assertEquals(2, time.status(), time::toString);
        assertTrue(
                time.err().contains("'soon' is not a duration; use a positive duration"),
                time::toString);
        Cli.Result runs = Cli.run("explore", "--class", RACY, "--max-runs", "0");
        assertEquals(2, runs.status(), runs::toString);
        assertTrue(
                runs.err().contains("'0' is not a count; use a whole number from 1 to"),
                runs::toString);
        Cli.Result none = Cli.run("explore");
        assertEquals(2, none.status(), none::toString);
        assertTrue(none.err().contains("Missing required option: '--class=CLASS'"), none::toString);
        Cli.Result noCommand = Cli.run();
        assertEquals(2, noCommand.status(), noCommand::toString);
        assertTrue(
                noCommand.err().contains("name a command: cases, explore, replay or merge"),
                noCommand::toString);
    }

    /**
     * The report from its table to its replay lines (which differ between a search and a replay),
     * with identity hashes and pooled worker names, which differ between runs, masked.
     */
    private static String section(String report) {
        return report.substring(report.indexOf("| step |"), report.indexOf("Replay:"))
                .replaceAll("@[0-9a-f]+ ", "@… ")
                .replaceAll("refguard-explore-\\d+", "refguard-explore-…");
    }

    private static String tokenOf(String scenarioClass) throws Exception {
        Cli.Result r = Cli.run("explore", "--class", scenarioClass, "--json");
        return new ObjectMapper().readTree(r.out()).get("token").asText();
    }

    @Test
    void aClassFileOrAFileThatIsNoJarOnTheClassPathIsAUsageError(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path classFile =
                java.nio.file.Files.writeString(dir.resolve("Main.class"), "x");
        Cli.Result cls = Cli.run("explore", "--class", RACY, "--classpath", classFile.toString());
        assertEquals(2, cls.status(), cls::toString);
        assertTrue(
                cls.err().contains("class path entry " + classFile + " is a class file"),
                cls::toString);

        java.nio.file.Path fake = java.nio.file.Files.writeString(dir.resolve("fake.jar"), "x");
        Cli.Result jar = Cli.run("explore", "--class", RACY, "--classpath", fake.toString());
        assertEquals(2, jar.status(), jar::toString);
        assertTrue(
                jar.err().contains("class path entry " + fake + " is not a jar file"),
                jar::toString);
    }
}
