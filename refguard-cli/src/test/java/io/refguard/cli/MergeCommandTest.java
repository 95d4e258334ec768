package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --shard i/N --json} says which shard it was; {@code merge} gives one verdict. */
class MergeCommandTest {

    private static final String RACY = "example.cli.CheckThenClose";
    private static final String FIXED_CASE =
            "io.refguard.cases.reftable.Reftable_04_ReusedReadersGetTemporaryReferences";

    @TempDir Path dir;

    /** Shard files made so far: each gets a name of its own. */
    private int explorations;

    /** Runs the shards of one exploration; returns their files. */
    private List<Path> shards(String cls, int count, String... more) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "explore",
                                    "--class",
                                    cls,
                                    "--shard",
                                    i + "/" + count,
                                    "--json"));
            args.addAll(List.of(more));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertTrue(r.status() == 0 || r.status() == 1 || r.status() == 4, r::toString);
            Path f =
                    dir.resolve(
                            cls.substring(cls.lastIndexOf('.') + 1)
                                    + "-"
                                    + (++explorations)
                                    + "-"
                                    + i
                                    + "of"
                                    + count
                                    + ".json");
            Files.writeString(f, r.out(), StandardCharsets.UTF_8);
            files.add(f);
        }
        return files;
    }

    private static Cli.Result merge(List<Path> files, String... more) {
        List<String> args = new ArrayList<>(List.of("merge"));
        files.forEach(f -> args.add(f.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void exhaustedShardsMergeIntoAVerifiedWholeWithSummedRuns() throws Exception {
        List<Path> files = shards(FIXED_CASE, 2, "--strategy", "exhaustive");
        long runs = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode o = new ObjectMapper().readTree(Files.readString(files.get(i)));
            assertEquals(i + 1, o.get("shard").get("index").asInt());
            assertEquals(2, o.get("shard").get("count").asInt());
            assertEquals("verified", o.get("verdict").asText());
            assertTrue(
                    o.get("guarantee").asText().startsWith("this shard's part of the search"),
                    o.toString());
            runs += o.get("schedules").asLong();
        }
        Cli.Result r = merge(files);
        assertEquals(0, r.status(), r::toString);
        assertTrue(
                r.out()
                        .matches(
                                "No failure: "
                                        + runs
                                        + " runs, \\d+ choice points, in \\d+(\\.\\d+)? m?s; all 2"
                                        + " shards exhausted their parts, so the whole search was run"
                                        + " \\(exhaustive, preemption bound 2\\): every schedule within"
                                        + " preemption bound 2.\\R"),
                r::toString);

        Cli.Result json = merge(files, "--json");
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals("verified", o.get("verdict").asText());
        assertEquals(runs, o.get("schedules").asLong());
        assertEquals(2, o.get("preemptions").asInt());
        assertTrue(o.get("shard").isNull());

        Cli.Result whole = Cli.run("explore", "--class", FIXED_CASE, "--strategy", "exhaustive");
        assertEquals(0, whole.status(), whole::toString);
        assertTrue(
                whole.out().contains("every schedule within the bound was run"), whole::toString);
    }

    /** A job matrix of one: an explicit --shard 1/1 is a shard, and merges on its own. */
    @Test
    void aSingleShardOneOfOneMerges() throws Exception {
        List<Path> files = shards(FIXED_CASE, 1, "--strategy", "exhaustive");
        JsonNode o = new ObjectMapper().readTree(Files.readString(files.get(0)));
        assertEquals(1, o.get("shard").get("count").asInt(), o::toString);
        Cli.Result r = merge(files);
        assertEquals(0, r.status(), r::toString);
        JsonNode plain =
                new ObjectMapper()
                        .readTree(
                                Cli.run(
                                                "explore",
                                                "--class",
                                                FIXED_CASE,
                                                "--max-runs",
                                                "2",
                                                "--json")
                                        .out());
        assertTrue(plain.get("shard").isNull(), plain::toString); // not sharded: null, as before
    }

    @Test
    void aBugInAnyShardIsTheVerdictWithItsReportAndToken() throws Exception {
        List<Path> files = shards(RACY, 3, "--strategy", "exhaustive");
        Cli.Result r = merge(files);
        assertEquals(ExitCodes.BUG_FOUND, r.status(), r::toString);
        assertTrue(r.out().startsWith("Shard "), r::toString);
        assertTrue(r.out().contains("rg1-"), r::toString);
        Cli.Result json = merge(files, "--json");
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals("bug_found", o.get("verdict").asText());
        assertTrue(o.get("token").asText().startsWith("rg1-"), json::toString);
        assertTrue(json.err().isEmpty(), json::toString);
        for (Path f : files) {
            Cli.Result alone = merge(List.of(f));
            JsonNode shard = new ObjectMapper().readTree(Files.readString(f));
            if (shard.get("verdict").asText().equals("bug_found")) {
                assertEquals(ExitCodes.BUG_FOUND, alone.status(), alone::toString);
                assertTrue(
                        alone.err()
                                .contains(
                                        "note: 2 of 3 shards were not given; the bug above stands"),
                        alone::toString);
            }
        }
        // the token replays the bug on its own, whichever shard found it
        Cli.Result replay = Cli.run("replay", o.get("token").asText(), "--class", RACY);
        assertEquals(ExitCodes.BUG_FOUND, replay.status(), replay::toString);
    }

    @Test
    void shardsThatRanOutOfBudgetMergeIntoBudgetUsed() throws Exception {
        List<Path> files = shards(FIXED_CASE, 2, "--max-runs", "3");
        Cli.Result r = merge(files);
        assertEquals(0, r.status(), r::toString);
        assertTrue(
                r.out().contains("; budget used: shards 1/2, 2/2 stopped at a budget"),
                r::toString);
    }

    @Test
    void anInconclusiveShardMakesTheWholeInconclusive() throws Exception {
        List<Path> files =
                shards(
                        "example.cli.UninstrumentedRace",
                        2,
                        "--include",
                        "example.cli.UninstrumentedRace");
        Cli.Result r = merge(files);
        assertEquals(ExitCodes.INCONCLUSIVE, r.status(), r::toString);
        assertTrue(r.out().contains("is inconclusive"), r::toString);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        List<Path> two = shards(FIXED_CASE, 2, "--max-runs", "2");
        List<Path> three = shards(FIXED_CASE, 3, "--max-runs", "2");
        List<Path> other = shards(RACY, 2, "--max-runs", "1", "--strategy", "random");
        List<Path> bound1 = shards(FIXED_CASE, 2, "--max-runs", "2", "--preemption-bound", "1");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "exploring ...\n");
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        Path unsharded = dir.resolve("whole.json");
        Files.writeString(
                unsharded,
                Cli.run("explore", "--class", FIXED_CASE, "--max-runs", "2", "--json").out());
        Object[][] cases = {
            {List.of(two.get(0)), "shard 2/2 is missing"},
            {List.of(two.get(0), two.get(0), two.get(1)), "shard 1/2 is given twice"},
            {List.of(two.get(0), three.get(1)), "is shard 2/3 but"},
            {List.of(two.get(0), other.get(1)), "explored \"example.cli.CheckThenClose\" but"},
            // both stopped at their budget: parts of two different searches still cover nothing
            {
                List.of(two.get(0), bound1.get(1)),
                "searched with \"default search: exhaustive, preemption bound 1,"
            },
            {List.of(notJson), "is not a refguard result (it is not JSON: unexpected 'e'"},
            {List.of(array), "is not a refguard result (it holds no JSON object)"},
            {List.of(unsharded), "was not sharded"},
            {List.of(dir.resolve("absent.json")), "cannot read"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Cli.Result r = merge((List<Path>) c[0]);
            assertEquals(ExitCodes.USAGE, r.status(), r::toString);
            assertEquals("", r.out(), r::toString);
            assertTrue(
                    r.err().startsWith("refguard: ") && r.err().contains((String) c[1]),
                    r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
        Cli.Result none = Cli.run("merge");
        assertEquals(ExitCodes.USAGE, none.status(), none::toString);
    }
}
