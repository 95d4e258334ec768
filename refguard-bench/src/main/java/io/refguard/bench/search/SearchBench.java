package io.refguard.bench.search;

import io.refguard.explore.ExploreOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bug-finding benchmark: explores every program of the {@link Corpus}, buggy and fixed, with
 * the default search and every strategy, under a fixed budget and fixed seeds, and prints a
 * Markdown table: runs to the bug per program and search, false alarms on the fixes, and per search
 * the bugs found, the false alarms and the median runs and time to a bug.
 *
 * <pre>
 * java -cp refguard-bench/target/benchmarks.jar io.refguard.bench.search.SearchBench \
 *     [--budget 30s] [--fix-budget 30s] [--seeds 1] [--only REGEX] [--strategies default,pct3]
 *     [--no-seed-cases]
 * </pre>
 *
 * <p>A cell shows the median runs to the bug over the seeds that found it ({@code -}: not found
 * within the budget; {@code 2/3 12}: found by two seeds of three), {@code *} when the failure found
 * is of another kind than the bug's, {@code FA} when the fix failed (a false alarm), and {@code
 * err} when the exploration could not run (the notes below the table say why).
 */
public final class SearchBench {

    private SearchBench() {}

    public static void main(String[] args) {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SearchBench: " + e.getMessage());
            System.err.println(
                    "usage: SearchBench [--budget 30s] [--fix-budget 30s] [--seeds N]"
                            + " [--only REGEX] [--strategies name,...] [--no-seed-cases]");
            System.exit(2);
            return;
        }
        System.out.print(run(s));
    }

    /** What to run. */
    record Settings(
            Duration budget,
            Duration fixBudget,
            int seeds,
            Pattern only,
            List<SearchStrategies.Column> columns,
            boolean seedCases) {

        static Settings parse(String[] args) {
            Duration budget = Duration.ofSeconds(30);
            Duration fixBudget = null;
            int seeds = 1;
            Pattern only = Pattern.compile(".*");
            List<SearchStrategies.Column> columns = SearchStrategies.all();
            boolean seedCases = true;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--no-seed-cases")) {
                    seedCases = false;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("'" + a + "' needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--budget":
                        budget = duration(v);
                        break;
                    case "--fix-budget":
                        fixBudget = duration(v);
                        break;
                    case "--seeds":
                        seeds = Integer.parseInt(v);
                        if (seeds < 1) {
                            throw new IllegalArgumentException("--seeds must be at least 1");
                        }
                        break;
                    case "--only":
                        only = Pattern.compile(v);
                        break;
                    case "--strategies":
                        List<String> names = Arrays.asList(v.split(","));
                        columns = new ArrayList<>();
                        for (SearchStrategies.Column c : SearchStrategies.all()) {
                            if (names.contains(c.name())) {
                                columns.add(c);
                            }
                        }
                        if (columns.size() != names.size()) {
                            throw new IllegalArgumentException(
                                    "unknown search in '"
                                            + v
                                            + "'; known: "
                                            + SearchStrategies.all().stream()
                                                    .map(SearchStrategies.Column::name)
                                                    .toList());
                        }
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            return new Settings(
                    budget,
                    fixBudget == null ? budget : fixBudget,
                    seeds,
                    only,
                    columns,
                    seedCases);
        }

        private static Duration duration(String v) {
            return ExploreOptions.parseDuration(v)
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "'" + v + "' is not a duration: use 500ms, 30s or 2m"));
        }
    }

    /** Runs everything and renders the report. */
    static String run(Settings s) {
        List<Program> programs = new ArrayList<>();
        for (Program p : s.seedCases() ? Corpus.all() : Corpus.programs()) {
            if (s.only().matcher(p.name()).matches()) {
                programs.add(p);
            }
        }
        Map<Program, Map<String, List<Trial[]>>> results = new LinkedHashMap<>();
        for (Program p : programs) {
            Map<String, List<Trial[]>> row = new LinkedHashMap<>();
            for (SearchStrategies.Column c : s.columns()) {
                List<Trial[]> trials = new ArrayList<>();
                for (int seed = 1; seed <= s.seeds(); seed++) {
                    ExploreOptions o = c.options().apply(seed).maxRuns(Long.MAX_VALUE);
                    Trial bug = Trial.run(p.buggy(), o.maxTime(s.budget()), p.viaAgent());
                    Trial fix = Trial.run(p.fixed(), o.maxTime(s.fixBudget()), p.viaAgent());
                    trials.add(new Trial[] {bug, fix});
                    System.err.printf(
                            Locale.ROOT,
                            "%-26s %-11s seed %d: bug %s, fix %s%n",
                            p.name(),
                            c.name(),
                            seed,
                            brief(bug),
                            brief(fix));
                }
                row.put(c.name(), trials);
            }
            results.put(p, row);
        }
        return SearchTable.render(s, results);
    }

    private static String brief(Trial t) {
        if (t.error() != null) {
            return "error (" + t.error() + ")";
        }
        if (t.failed()) {
            return t.kind()
                    + " after "
                    + t.runs()
                    + " runs, "
                    + t.millis()
                    + " ms, "
                    + t.preemptions()
                    + " preemptions";
        }
        return (t.verified() ? "verified" : "passed")
                + " in "
                + t.runs()
                + " runs, "
                + t.millis()
                + " ms";
    }
}
