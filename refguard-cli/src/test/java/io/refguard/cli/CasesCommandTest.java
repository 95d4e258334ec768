package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.refguard.cases.Cases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code refguard cases}: selection, progress, summary, JSON and exit statuses. */
class CasesCommandTest {

    @Test
    void listNamesEveryCaseAndVariant() {
        Cli.Result r = Cli.run("cases", "--list");
        assertEquals(0, r.status(), r::toString);
        for (String name : Cases.names()) {
            assertTrue(r.out().contains(name), () -> name + " missing from\n" + r);
        }
        assertEquals(Cases.all().size(), r.out().lines().count(), r::toString);
    }

    @Test
    void oneCaseRunsBothVariantsWithProgressAndSummary() {
        Cli.Result r = Cli.run("cases", "reftable-iterator");
        assertEquals(0, r.status(), r::toString);
        List<String> progress = r.err().lines().toList();
        assertEquals(2, progress.size(), r::toString);
        assertTrue(
                progress.get(0).startsWith("[1/2] reftable-iterator (buggy) ... bug found: "),
                r::toString);
        assertTrue(
                progress.get(1).startsWith("[2/2] reftable-iterator (fixed) ... verified: "),
                r::toString);
        List<String> out = r.out().lines().toList();
        assertTrue(
                out.get(0)
                        .matches(
                                "\\| case +\\| variant \\| verdict +\\| schedules \\| +time \\| preemptions \\|"),
                r::toString);
        assertTrue(
                out.get(2)
                        .matches(
                                "\\| reftable-iterator \\| buggy +\\| bug found \\| +\\d+ \\| +\\d+(\\.\\d+)? m?s \\| +1 \\|"),
                r::toString);
        assertTrue(
                out.get(3)
                        .matches(
                                "\\| reftable-iterator \\| fixed +\\| verified +\\| +\\d+ \\| +\\d+(\\.\\d+)? m?s \\| +<=2 \\|"),
                r::toString);
        assertTrue(
                out.get(4).startsWith("1 of 1 bug found, 1 of 1 fix verified, in "), r::toString);
    }

    @Test
    void reportsPrintsTheTableOfEachBugFound() {
        Cli.Result r = Cli.run("cases", "nsinfo-double-put", "--variant", "buggy", "--reports");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("Scenario \"nsinfo 01: lock too narrow\" failed"), r::toString);
        assertTrue(r.out().contains("DoubleReleaseException"), r::toString);
        assertTrue(r.out().contains("Replay: rg1-"), r::toString);
    }

    @Test
    void jsonHasOneObjectPerCaseWithTheDocumentedKeys() throws Exception {
        Cli.Result r = Cli.run("cases", "reftable-failed-reload", "--json");
        assertEquals(0, r.status(), r::toString);
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertTrue(all.isArray(), r::toString);
        assertEquals(2, all.size());
        JsonNode buggy = all.get(0);
        assertEquals(
                List.of(
                        "case",
                        "variant",
                        "verdict",
                        "expected",
                        "ok",
                        "schedules",
                        "millis",
                        "preemptions",
                        "token",
                        "strategy",
                        "failure",
                        "report",
                        "choice_points",
                        "guarantee",
                        "coverage",
                        "shard"),
                fieldNames(buggy));
        assertEquals("reftable-failed-reload", buggy.get("case").asText());
        assertEquals("buggy", buggy.get("variant").asText());
        assertEquals("bug_found", buggy.get("verdict").asText());
        assertTrue(buggy.get("ok").asBoolean());
        assertTrue(buggy.get("schedules").asLong() >= 1);
        assertEquals(1, buggy.get("preemptions").asInt()); // the compaction preempts the reload
        assertTrue(buggy.get("token").asText().startsWith("rg1-"));
        assertTrue(buggy.get("failure").asText().contains("UseAfterReleaseException"));
        assertTrue(buggy.get("report").asText().contains("| step |"));
        JsonNode fixed = all.get(1);
        assertEquals("fixed", fixed.get("variant").asText());
        assertEquals("verified", fixed.get("verdict").asText());
        assertTrue(fixed.get("token").isNull());
        assertTrue(fixed.get("report").isNull());
        assertEquals(2, fixed.get("preemptions").asInt());
        assertTrue(buggy.get("coverage").isNull());
        assertTrue(fixed.get("coverage").get("orders").asLong() > 0, r::toString);
        assertEquals(fixed.get("schedules").asLong(), fixed.get("coverage").get("runs").asLong());
    }

    @Test
    void anUnknownCaseIsAUsageErrorListingTheKnownOnes() {
        Cli.Result r = Cli.run("cases", "reftable-iterator", "no-such-case");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("no case is named no-such-case"), r::toString);
        assertTrue(r.err().contains("reftable-iterator, reftable-failed-reload"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void aBadVariantIsAUsageError() {
        Cli.Result r = Cli.run("cases", "--variant", "broken");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("'broken' is not a variant; use buggy or fixed"), r::toString);
    }

    @Test
    void totalsCountFoundAndVerifiedAndNameWhatWentWrong() {
        var found =
                new io.refguard.run.Outcome(
                        "a",
                        io.refguard.cases.Variant.BUGGY.id(),
                        io.refguard.run.Verdict.BUG_FOUND,
                        io.refguard.run.Verdict.BUG_FOUND,
                        3,
                        5,
                        1,
                        "rg1-x",
                        "s",
                        "f",
                        "t",
                        -1,
                        null,
                        null);
        var missed =
                new io.refguard.run.Outcome(
                        "b",
                        io.refguard.cases.Variant.BUGGY.id(),
                        io.refguard.run.Verdict.MISSED,
                        io.refguard.run.Verdict.BUG_FOUND,
                        9,
                        5,
                        2,
                        null,
                        "s",
                        null,
                        null,
                        12,
                        "every schedule was run",
                        new io.refguard.explore.Coverage(2, 0, 9, false));
        var verified =
                new io.refguard.run.Outcome(
                        "a",
                        io.refguard.cases.Variant.FIXED.id(),
                        io.refguard.run.Verdict.VERIFIED,
                        io.refguard.run.Verdict.VERIFIED,
                        9,
                        5,
                        2,
                        null,
                        "s",
                        null,
                        null,
                        12,
                        "every schedule was run",
                        new io.refguard.explore.Coverage(2, 0, 9, false));
        assertEquals(
                "1 of 2 bugs found, 1 of 1 fix verified, in 1.5 s; 1 case did not get the expected verdict:"
                        + " rerun with --reports to see the failures",
                CasesCommand.totals(List.of(found, missed, verified), 1500));
        assertFalse(missed.asExpected());
        assertNull(missed.token());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
