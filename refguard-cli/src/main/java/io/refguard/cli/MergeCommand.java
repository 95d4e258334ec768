package io.refguard.cli;

import io.refguard.run.Outcome;
import io.refguard.run.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refguard merge FILE...}: combines the {@code --json} results of the shards of one
 * exploration ({@code explore --shard i/N}) into one verdict, with explore's exit statuses.
 *
 * <p>A bug any shard found is the verdict (exit 1; the shard's report and token are printed, the
 * one with the fewest preemptions when several found one). Otherwise every shard from 1 to N must
 * be given exactly once; a shard that was inconclusive makes the whole inconclusive (exit 4). When
 * every shard exhausted its part, the whole search within the bound was run (exit 0, "verified");
 * when some shard stopped at its budget, no failure was found but other schedules may fail (exit 0,
 * "clean").
 */
@Command(
        name = "merge",
        sortOptions = false,
        description = {
            "Combines the --json results of explore --shard i/N, one file per shard, into one"
                    + " verdict: bug found (1), no failure (0, with what was covered) or inconclusive (4)."
        })
final class MergeCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "FILE",
            arity = "1..*",
            description = "The output of explore --shard i/N --json of each shard.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object instead of the verdict.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<ShardResult> shards = new ArrayList<>();
        for (Path f : files) {
            shards.add(ShardResult.read(f));
        }
        ShardResult first = shards.get(0);
        int count = first.count();
        TreeMap<Integer, ShardResult> byIndex = new TreeMap<>();
        for (ShardResult s : shards) {
            if (s.count() != count) {
                throw usage(
                        s.file()
                                + " is shard "
                                + s.name()
                                + " but "
                                + first.file()
                                + " is shard "
                                + first.name()
                                + ": give the shards of one exploration, all split the same way");
            }
            if (!s.scenario().equals(first.scenario())) {
                throw usage(
                        s.file()
                                + " explored \""
                                + s.scenario()
                                + "\" but "
                                + first.file()
                                + " explored \""
                                + first.scenario()
                                + "\": give the shards of one exploration");
            }
            ShardResult twice = byIndex.put(s.index(), s);
            if (twice != null) {
                throw usage(
                        "shard "
                                + s.name()
                                + " is given twice ("
                                + twice.file()
                                + " and "
                                + s.file()
                                + "): give each shard's result once");
            }
        }
        Outcome merged = merge(shards, byIndex, count);
        ExploreCommand.print(spec.commandLine().getOut(), merged, json);
        if (byIndex.size() < count) { // a bug: the shards not given cannot change the verdict
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                    "refguard: note: "
                            + (count - byIndex.size())
                            + " of "
                            + count
                            + " shards were not given; the bug above stands without them");
            err.flush();
        }
        return ExitCodes.of(merged);
    }

    private static Outcome merge(
            List<ShardResult> shards, TreeMap<Integer, ShardResult> byIndex, int count) {
        ShardResult first = shards.get(0);
        long runs = 0;
        long millis = 0;
        for (ShardResult s : shards) {
            runs += s.schedules();
            millis = Math.max(millis, s.millis());
        }
        ShardResult bug =
                shards.stream()
                        .filter(s -> s.verdict().equals("bug_found"))
                        .min(
                                Comparator.comparingLong(
                                                (ShardResult s) ->
                                                        s.preemptions() == null
                                                                ? Long.MAX_VALUE
                                                                : s.preemptions())
                                        .thenComparingInt(ShardResult::index))
                        .orElse(null);
        if (bug != null) {
            return outcome(first, Verdict.BUG_FOUND, runs, millis, bug, -1, null);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw usage(
                    (missing.size() == 1 ? "shard " : "shards ")
                            + String.join(", ", missing)
                            + (missing.size() == 1 ? " is" : " are")
                            + " missing: give the results of all "
                            + count
                            + " shards, so that the verdict covers the whole search");
        }
        for (ShardResult s : byIndex.values()) {
            if (!s.search().equals(first.search())) { // a part of another search covers nothing
                throw usage(
                        s.file()
                                + " searched with \""
                                + s.search()
                                + "\" but "
                                + first.file()
                                + " with \""
                                + first.search()
                                + "\": give the shards of one exploration, run with the same settings");
            }
        }
        for (ShardResult s : byIndex.values()) {
            if (s.verdict().equals("inconclusive")) {
                return outcome(first, Verdict.INCONCLUSIVE, runs, millis, s, -1, null);
            }
        }
        long choicePoints = 0;
        List<String> budgetUsed = new ArrayList<>();
        Long bound = null;
        for (ShardResult s : byIndex.values()) {
            choicePoints += s.choicePoints() == null ? 0 : s.choicePoints();
            if (!s.verdict().equals("verified")) {
                budgetUsed.add(s.name());
                continue;
            }
            bound = s.preemptions(); // the same in every shard: it is part of the search
        }
        String search = first.search();
        String guarantee;
        Verdict verdict;
        if (budgetUsed.isEmpty()) {
            verdict = Verdict.VERIFIED;
            guarantee =
                    "all "
                            + count
                            + " shards exhausted their parts, so the whole search was run ("
                            + search
                            + "): "
                            + (bound == null
                                    ? "every schedule it explores"
                                    : "every schedule within preemption bound " + bound);
        } else {
            verdict = Verdict.CLEAN;
            guarantee =
                    "budget used: shard"
                            + (budgetUsed.size() == 1 ? " " : "s ")
                            + String.join(", ", budgetUsed)
                            + " stopped at a budget (maxRuns or maxTime) before covering"
                            + (budgetUsed.size() == 1 ? " its part" : " their parts")
                            + ", so other schedules may fail";
        }
        return new Outcome(
                first.scenario(),
                null,
                verdict,
                null,
                runs,
                millis,
                bound == null || verdict != Verdict.VERIFIED ? -1 : (int) (long) bound,
                null,
                search + ", " + count + " shards merged",
                null,
                null,
                choicePoints,
                guarantee,
                null); // the shards' orders cannot be combined from their counts
    }

    /**
     * The outcome of the whole exploration, as {@code from}, the shard that decides it, gave it.
     */
    private static Outcome outcome(
            ShardResult first,
            Verdict verdict,
            long runs,
            long millis,
            ShardResult from,
            long choicePoints,
            String guarantee) {
        String report =
                "Shard "
                        + from.name()
                        + " ("
                        + from.file()
                        + "):\n"
                        + (from.report() != null
                                ? from.report()
                                : from.failure() + "\nreplay token: " + from.token() + "\n");
        return new Outcome(
                first.scenario(),
                null,
                verdict,
                null,
                runs,
                millis,
                from.preemptions() == null
                        ? -1
                        : (int) Math.min(from.preemptions(), Integer.MAX_VALUE),
                from.token(),
                from.strategy(),
                from.failure(),
                report,
                choicePoints,
                guarantee,
                null);
    }

    private static RefguardCommand.UserError usage(String message) {
        return new RefguardCommand.UserError(message, null);
    }
}
