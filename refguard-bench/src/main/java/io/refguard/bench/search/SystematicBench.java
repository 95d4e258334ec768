package io.refguard.bench.search;

import io.refguard.explore.ExploreOptions;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How many schedules the systematic searches need to verify the corpus's fixes within a preemption
 * bound: the exhaustive search (every schedule within the bound) against bounded partial-order
 * reduction (DPOR within the same bound). Prints a Markdown table; a cell is the runs to exhaust
 * the search, or {@code >N} when the time budget ran out after N runs.
 *
 * <pre>
 * java -cp refguard-bench/target/benchmarks.jar io.refguard.bench.search.SystematicBench \
 *     [--bound 2] [--budget 20s] [--only 'seed-.*']
 * </pre>
 */
public final class SystematicBench {

    private SystematicBench() {}

    public static void main(String[] args) {
        int bound = 2;
        Duration budget = Duration.ofSeconds(20);
        Pattern only = Pattern.compile(".*");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                usage("missing a value after " + args[i]);
            }
            switch (args[i]) {
                case "--bound" -> bound = Integer.parseInt(value);
                case "--budget" -> budget = Duration.parse("PT" + value.toUpperCase());
                case "--only" -> only = Pattern.compile(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        System.out.println(
                "Fixes explored to the end at preemption bound " + bound + ", budget " + budget);
        System.out.println();
        System.out.println("| program | threads | exhaustive | dpor (bounded) | ratio |");
        System.out.println("|---|---:|---:|---:|---:|");
        long sumExhaustive = 0;
        long sumDpor = 0;
        for (Program p : Corpus.all()) {
            if (!only.matcher(p.name()).matches()) {
                continue;
            }
            Trial full = run(p, ExploreOptions.exhaustive(), bound, budget);
            Trial dpor = run(p, ExploreOptions.dpor(), bound, budget);
            sumExhaustive += full.runs();
            sumDpor += dpor.runs();
            System.out.printf(
                    "| %s | %d | %s | %s | %s |%n",
                    p.name(),
                    p.threads(),
                    cell(full),
                    cell(dpor),
                    dpor.runs() == 0
                            ? "-"
                            : String.format("%.1f", full.runs() / (double) dpor.runs()));
        }
        System.out.printf(
                "| **all** | | %d | %d | %.1f |%n",
                sumExhaustive, sumDpor, sumExhaustive / (double) Math.max(1, sumDpor));
    }

    private static Trial run(Program p, ExploreOptions base, int bound, Duration budget) {
        ExploreOptions o = base.preemptionBound(bound).maxTime(budget).maxRuns(Long.MAX_VALUE);
        return Trial.run(p.fixed(), o, p.viaAgent());
    }

    private static String cell(Trial t) {
        if (t.error() != null) {
            return "err";
        }
        if (t.failed()) {
            return "FA " + t.runs();
        }
        return t.verified() ? Long.toString(t.runs()) : ">" + t.runs();
    }

    private static void usage(String problem) {
        System.err.println(
                "SystematicBench: " + problem + "; options: --bound N, --budget 20s, --only REGEX");
        System.exit(2);
    }
}
