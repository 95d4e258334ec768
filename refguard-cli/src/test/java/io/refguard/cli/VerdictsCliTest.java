package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.refguard.explore.replay.ReplayToken;
import org.junit.jupiter.api.Test;

/**
 * Exit 4 and the "inconclusive" verdict when refguard could not control the program; clean --json.
 */
class VerdictsCliTest {

    @Test
    void codeOutsideTheIncludeIsInconclusiveWithExitFour() throws Exception {
        Cli.Result r =
                Cli.run(
                        "explore",
                        "--class",
                        "example.cli.UninstrumentedRace",
                        "--include",
                        "example.cli.UninstrumentedRace");
        assertEquals(ExitCodes.INCONCLUSIVE, r.status(), r::toString);
        assertTrue(
                r.out()
                        .startsWith(
                                "Scenario \"uninstrumented\" is inconclusive: nothing was interleaved."),
                r::toString);
        assertTrue(r.out().contains("widen its include"), r::toString);
        assertTrue(
                r.err()
                        .contains(
                                "refguard: hint: only --include example.cli.UninstrumentedRace is instrumented;"
                                        + " widen it"),
                r::toString);

        Cli.Result json =
                Cli.run(
                        "explore",
                        "--class",
                        "example.cli.UninstrumentedRace",
                        "--include",
                        "example.cli.UninstrumentedRace",
                        "--json");
        assertEquals(ExitCodes.INCONCLUSIVE, json.status(), json::toString);
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals("inconclusive", o.get("verdict").asText());
        assertTrue(o.get("token").isNull());
        assertTrue(
                o.get("failure").asText().contains("reached no scheduling point"), json::toString);
    }

    @Test
    void aThreadALibraryOutsideTheIncludeStartsIsInconclusiveNotAPassNorABug() throws Exception {
        Cli.Result r =
                Cli.run(
                        "explore",
                        "--class",
                        "example.cli.LibraryThreadRace",
                        "--include",
                        "example.cli.LibraryThreadRace",
                        "--json");
        assertEquals(ExitCodes.INCONCLUSIVE, r.status(), r::toString);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("inconclusive", o.get("verdict").asText(), r::toString);
        String failure = o.get("failure").asText();
        assertTrue(
                failure.startsWith(
                        "A thread ran outside refguard's control: thread 'launcher-worker'"),
                failure);
        assertTrue(failure.contains("example.cli.lib.Launcher.start(Launcher.java:"), failure);
        assertTrue(failure.contains("refguard explore --include"), failure);
    }

    @Test
    void aThreadBlockedInARealReadIsInconclusiveNotABug() throws Exception {
        Cli.Result r =
                Cli.run(
                        "explore",
                        "--class",
                        "example.cli.BlockingRead",
                        "--run-timeout",
                        "300ms",
                        "--json");
        assertEquals(ExitCodes.INCONCLUSIVE, r.status(), r::toString);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("inconclusive", o.get("verdict").asText(), r::toString);
        String failure = o.get("failure").asText();
        assertTrue(failure.contains("It is stuck in"), failure);
        assertTrue(failure.contains("called from example.cli.BlockingRead.main"), failure);
        assertTrue(o.get("report").asText().contains("Verdict: inconclusive."), r::toString);
        assertTrue(
                r.err().contains("reading ..."), "the program's own output goes to stderr: " + r);
    }

    @Test
    void runsOfTheSameScheduleThatDifferAreInconclusiveWithExitFour() throws Exception {
        Cli.Result r = Cli.run("explore", "--class", "example.cli.RemembersRuns");
        assertEquals(ExitCodes.INCONCLUSIVE, r.status(), r::toString);
        assertTrue(
                r.out()
                        .startsWith(
                                "Scenario \"example.cli.RemembersRuns\" is inconclusive: runs of"
                                        + " the same schedule differ\n"),
                r::toString);
        assertTrue(r.out().contains("\nFailure: At step "), "names the step: " + r);
        assertTrue(r.out().contains("| step | main"), "shows the run up to that step: " + r);
        assertTrue(r.out().contains("\nReplay: rg1-"), "and its token: " + r);
        assertTrue(r.out().contains(" performed '"), "and the operations: " + r);
        assertTrue(r.out().contains("example.cli.RemembersRuns$Runs (an enum)"), r::toString);

        Cli.Result json = Cli.run("explore", "--class", "example.cli.RemembersRuns", "--json");
        assertEquals(ExitCodes.INCONCLUSIVE, json.status(), json::toString);
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals("inconclusive", o.get("verdict").asText(), json::toString);
        assertTrue(o.get("failure").asText().startsWith("At step "), json::toString);
        assertTrue(o.get("token").asText().startsWith("rg1-"), json::toString);
        assertTrue(o.get("report").asText().contains("| step | main"), json::toString);
        assertTrue(o.get("schedules").asLong() > 1, json::toString);
    }

    @Test
    void jsonStandardOutputIsExactlyOneObjectWhateverTheProgramPrints() throws Exception {
        Cli.Result r = Cli.run("explore", "--class", "example.cli.Chatty", "--json");
        assertEquals(ExitCodes.CLEAN, r.status(), r::toString);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertTrue(o.isObject(), r::toString);
        assertEquals(1, r.out().strip().lines().count(), r::toString);
        assertFalse(r.out().contains("hello from the program"), r::toString);
        // shown for the first run only, with a note of what the other runs printed
        assertEquals(
                1,
                r.err().lines().filter(l -> l.equals("hello from the program")).count(),
                r::toString);
        long runs = o.get("schedules").asLong();
        assertTrue(
                r.err()
                        .contains(
                                "refguard: note: the program's output is shown for its first run"
                                        + " that printed; later runs printed "
                                        + (runs - 1)
                                        + " more lines, left out"),
                r::toString);
        assertTrue(o.get("choice_points").asLong() > 0, r::toString);
        assertTrue(o.get("guarantee").asText().startsWith("every schedule"), r::toString);
    }

    @Test
    void aSubmittedTasksErrorThatNothingReadsIsAHint() {
        Cli.Result r = Cli.run("explore", "--class", "example.cli.UncheckedTask");
        assertEquals(ExitCodes.CLEAN, r.status(), r::toString);
        assertTrue(
                r.err()
                        .contains(
                                " a submitted task or a CompletableFuture stage threw, and"
                                        + " nothing read its exception (first:"
                                        + " java.lang.AssertionError: lost update: 1 at"
                                        + " UncheckedTask.java:29)"),
                r::toString);
    }

    @Test
    void aSearchTheBudgetCutShortPointsToDpor() {
        String hint = "refguard: hint: the budget ended the search before it covered its bound";
        Cli.Result cut =
                Cli.run("explore", "--class", "example.cli.UncheckedTask", "--max-runs", "2");
        assertEquals(ExitCodes.CLEAN, cut.status(), cut::toString);
        assertTrue(
                cut.err()
                        .contains(
                                hint
                                        + "; for a program of at most 64 threads (DPOR's limit),"
                                        + " --strategy dpor runs one schedule"),
                cut::toString);
        Cli.Result whole = Cli.run("explore", "--class", "example.cli.UncheckedTask");
        assertFalse(whole.err().contains(hint), whole::toString);
        Cli.Result dpor =
                Cli.run(
                        "explore",
                        "--class",
                        "example.cli.UncheckedTask",
                        "--max-runs",
                        "2",
                        "--strategy",
                        "dpor");
        assertFalse(dpor.err().contains(hint), dpor::toString);
    }

    @Test
    void aShortTimeoutThatIsOnlyOrderedIsAHintAndTheDefaultFindsItsBug() {
        Cli.Result ordered =
                Cli.run(
                        "explore",
                        "--timeouts",
                        "ordered",
                        "--class",
                        "example.cli.IgnoredTryAcquire");
        assertEquals(ExitCodes.CLEAN, ordered.status(), ordered::toString);
        assertTrue(
                ordered.err()
                                .contains(
                                        "refguard: hint: waits for another thread with timeouts"
                                                + " of at most 1 s (")
                        && ordered.err().contains("explore again with --timeouts safety-nets"),
                ordered::toString);

        // safety-nets, the default: the reader's failed assertion comes after it joined the
        // loader, so it is no safety net but the bug
        Cli.Result found = exploreDefault();
        assertEquals(ExitCodes.BUG_FOUND, found.status(), found::toString);
        assertTrue(found.out().contains("permits leaked: 2"), found::toString);
        assertFalse(found.err().contains("refguard: hint: waits for another"), found::toString);
        assertFalse(found.err().contains("refguard: note: in "), found::toString);

        // the token, replayed with --timeouts ordered: its schedule does not fit that mode, which
        // is not a code change; the replay finds the mode
        String token = found.out().replaceAll("(?s).*Replay: (rg1-\\S+).*", "$1");
        Cli.Result replay =
                Cli.run(
                        "replay",
                        token,
                        "--timeouts",
                        "ordered",
                        "--class",
                        "example.cli.IgnoredTryAcquire");
        assertEquals(ExitCodes.BUG_FOUND, replay.status(), replay::toString);
        assertTrue(replay.out().contains("permits leaked: 2"), replay::toString);
        assertTrue(
                replay.err()
                        .contains(
                                "refguard: note: the token's schedule does not fit the options"
                                        + " given, but fits --timeouts safety-nets"),
                replay::toString);
        Cli.Result given = Cli.run("replay", token, "--class", "example.cli.IgnoredTryAcquire");
        assertEquals(ExitCodes.BUG_FOUND, given.status(), given::toString);
        assertEquals("", given.err(), given::toString);
    }

    @Test
    void anAssertionRightAfterAnEarlyTimeoutIsACountedSafetyNetAndEarlyReportsIt() {
        Cli.Result nets =
                Cli.run(
                        "explore",
                        "--timeouts",
                        "safety-nets",
                        "--class",
                        "example.cli.ConnectTimeout");
        assertEquals(ExitCodes.CLEAN, nets.status(), nets::toString);
        assertTrue(nets.err().contains("refguard: note: in "), nets::toString);
        assertTrue(
                nets.err()
                        .contains(
                                "(first: main threw java.lang.AssertionError: connect timed out at"
                                        + " ConnectTimeout.java:"),
                nets::toString);
        Cli.Result early =
                Cli.run("explore", "--timeouts", "early", "--class", "example.cli.ConnectTimeout");
        assertEquals(ExitCodes.BUG_FOUND, early.status(), early::toString);
        assertTrue(early.out().contains("connect timed out"), early::toString);
    }

    @Test
    void aSecondEarlyTimeoutIsNamedInTheGuaranteeAndFoundWithEarlyTimeoutsTwo() {
        String program = "example.cli.RetryThenClose";
        Cli.Result once = Cli.run("explore", "--class", program);
        assertEquals(ExitCodes.CLEAN, once.status(), once::toString);
        assertTrue(
                once.out().contains("each thread's timed waits timed out at once at most 1 time")
                        && once.out().contains("--early-timeouts"),
                once::toString);

        Cli.Result twice = Cli.run("explore", "--early-timeouts", "2", "--class", program);
        assertEquals(ExitCodes.BUG_FOUND, twice.status(), twice::toString);
        assertTrue(twice.out().contains("append to a closed segment"), twice::toString);
        String token = twice.out().replaceAll("(?s).*Replay: (rg1-\\S+).*", "$1");
        Cli.Result replay = Cli.run("replay", token, "--early-timeouts", "2", "--class", program);
        assertEquals(ExitCodes.BUG_FOUND, replay.status(), replay::toString);
        assertTrue(replay.out().contains("append to a closed segment"), replay::toString);

        Cli.Result bad = Cli.run("explore", "--early-timeouts", "17", "--class", program);
        assertEquals(ExitCodes.USAGE, bad.status(), bad::toString);
        assertTrue(
                bad.err().contains("--early-timeouts")
                        && bad.err().contains("a whole number from 0 to 16"),
                bad::toString);
    }

    /** The permit leak that only an early timeout shows, explored with the default options. */
    private static Cli.Result exploreDefault() {
        return Cli.run("explore", "--class", "example.cli.IgnoredTryAcquire");
    }

    @Test
    void aScheduleThatFitsNoModeIsAChangeOfTheCode() {
        Cli.Result found = exploreDefault();
        ReplayToken made =
                ReplayToken.decode(found.out().replaceAll("(?s).*Replay: (rg1-\\S+).*", "$1"));
        int[] schedule = made.schedule();
        schedule[1] = 9; // a thread the program never has
        String foreign = ReplayToken.of(made.fingerprint(), schedule).encode();
        Cli.Result r = Cli.run("replay", foreign, "--class", "example.cli.IgnoredTryAcquire");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(
                r.err().contains("did not follow its schedule")
                        && r.err()
                                .endsWith(
                                        "Replaying with the other --plain-fields and --timeouts"
                                                + " modes did not fit either.\n"),
                r::toString);
    }

    @Test
    void anUnknownTimeoutModeIsAUsageErrorNamingTheModes() {
        Cli.Result r =
                Cli.run(
                        "explore",
                        "--timeouts",
                        "soon",
                        "--class",
                        "example.cli.IgnoredTryAcquire");
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(
                r.err()
                        .contains(
                                "--timeouts 'soon' is not a timeout mode: use safety-nets (the default),"
                                        + " ordered or early"),
                r::toString);
    }
}
