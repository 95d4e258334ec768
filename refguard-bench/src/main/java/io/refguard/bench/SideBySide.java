package io.refguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH CSV result files ({@code -rf csv}) into Markdown tables that put each refguard
 * benchmark next to its peer, with the ratio of their average times and, when JMH ran with {@code
 * -prof gc}, the bytes allocated per operation.
 *
 * <p>Several files are rounds of the same run (one fork of every benchmark per round, so that
 * refguard's and the peer's forks alternate and see the same background load): a benchmark's time
 * is the mean over the rounds, and its ± is the larger of JMH's error and the distance of the
 * farthest round from the mean.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.refguard.bench.SideBySide results-1.csv
 * [results-2.csv ...]}
 */
public final class SideBySide {

    /** Which benchmark each one is compared against: "Class.method" to the baseline method. */
    private static final Map<String, String> BASELINES =
            Map.ofEntries(
                    Map.entry("AcquireReleaseBench.atomicInteger", "netty"),
                    Map.entry("AcquireReleaseBench.refguard", "netty"),
                    Map.entry("AcquireReleaseBench.atomicIntegerContended", "nettyContended"),
                    Map.entry("AcquireReleaseBench.refguardContended", "nettyContended"),
                    Map.entry("TrackedBench.refguardTracked", "nettyParanoid"),
                    Map.entry("AgentSitesBench.refguardSupplied", "nettyParanoid"),
                    Map.entry("AgentSitesBench.refguardWalked", "nettyParanoid"),
                    Map.entry("PoolWorkloadBench.sampled", "off"),
                    Map.entry("PoolWorkloadBench.presence", "off"),
                    Map.entry("NettyAdapterBench.refguardOff", "nettyDisabled"),
                    Map.entry("NettyAdapterBench.refguardSampled", "nettySimple"),
                    Map.entry("NettyAdapterBench.refguardPresence", "nettyDisabled"),
                    Map.entry("NettyAdapterBench.refguardTracked", "nettyParanoid"));

    /** The suffix of JMH's {@code -prof gc} row with the bytes allocated per operation. */
    private static final String ALLOC = "gc.alloc.rate.norm";

    private SideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println(
                    "usage: SideBySide <jmh-results.csv>...  (write one with: -rf csv -rff FILE)");
            System.exit(2);
        }
        List<String> lines = new ArrayList<>();
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file)) {
                System.err.println(
                        "no JMH result file at "
                                + file
                                + "; run the benchmarks with -rf csv -rff "
                                + file);
                System.exit(2);
            }
            lines.addAll(Files.readAllLines(file));
        }
        System.out.print(render(lines));
    }

    /**
     * Renders the tables for the lines of one or more JMH CSV files (each with its header line).
     */
    static String render(List<String> csvLines) {
        Map<String, Map<String, List<Row>>> rounds = new LinkedHashMap<>();
        for (String line : csvLines) {
            if (line.isBlank() || line.startsWith("\"Benchmark\"")) {
                continue;
            }
            Row row = Row.parse(splitCsv(line));
            rounds.computeIfAbsent(row.className, k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.method + "#" + row.threads, k -> new ArrayList<>())
                    .add(row);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Map<String, List<Row>>> entry : rounds.entrySet()) {
            List<Row> rows = new ArrayList<>();
            Map<String, Row> alloc = new LinkedHashMap<>();
            for (List<Row> same : entry.getValue().values()) {
                Row merged = Row.mean(same);
                int colon = merged.method.indexOf(':');
                if (colon < 0) {
                    rows.add(merged);
                } else if (merged.method.contains(
                        ":" + ALLOC)) { // "method:gc.alloc.rate.norm (params)"
                    alloc.put(
                            merged.method.replace(":" + ALLOC, "") + "#" + merged.threads, merged);
                } else if (!merged.method.contains(":gc.")
                        && !merged.method.contains(":\u00b7gc.")) {
                    rows.add(merged); // an auxiliary counter of the benchmark's own, such as
                    // schedules per second
                }
            }
            out.append("\n### ").append(entry.getKey()).append("\n\n");
            out.append(
                    "| benchmark | threads | time | allocated | ratio |\n|---|---:|---:|---:|---|\n");
            for (Row row : rows) {
                String baseline = BASELINES.get(entry.getKey() + "." + row.method);
                String ratio = "";
                if (baseline != null) {
                    for (Row other : rows) {
                        if (other.method.equals(baseline)) {
                            ratio =
                                    String.format(
                                            Locale.ROOT,
                                            "%.2fx the time of %s",
                                            row.score / other.score,
                                            baseline);
                        }
                    }
                }
                Row bytes = alloc.get(row.method + "#" + row.threads);
                String allocated =
                        bytes == null ? "" : String.format(Locale.ROOT, "%.0f B/op", bytes.score);
                out.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %d | %.1f ± %.1f %s | %s | %s |%n",
                                row.method,
                                row.threads,
                                row.score,
                                row.error,
                                row.unit,
                                allocated,
                                ratio));
            }
        }
        return out.toString();
    }

    /** Splits one CSV line with double-quoted fields, as JMH writes them. */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /**
     * One result line: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",
     * then one "Param: x" column per benchmark parameter (empty where it does not apply).
     */
    private static final class Row {
        final String className;
        final String method;
        final int threads;
        final double score;
        final double error;
        final String unit;

        private Row(
                String className,
                String method,
                int threads,
                double score,
                double error,
                String unit) {
            this.className = className;
            this.method = method;
            this.threads = threads;
            this.score = score;
            this.error = error;
            this.unit = unit;
        }

        /**
         * One row for several rounds: the mean score, and the larger of JMH's error and the rounds'
         * spread.
         */
        static Row mean(List<Row> rounds) {
            Row first = rounds.get(0);
            if (rounds.size() == 1) {
                return first;
            }
            double sum = 0;
            double error = 0;
            for (Row r : rounds) {
                sum += r.score;
                error = Math.max(error, Double.isNaN(r.error) ? 0 : r.error);
            }
            double mean = sum / rounds.size();
            for (Row r : rounds) {
                error = Math.max(error, Math.abs(r.score - mean));
            }
            return new Row(first.className, first.method, first.threads, mean, error, first.unit);
        }

        static Row parse(List<String> f) {
            if (f.size() < 7) {
                throw new IllegalArgumentException(
                        "not a JMH CSV result line (expected 7+ fields): " + f);
            }
            String name = f.get(0);
            int colon =
                    name.indexOf(
                            ':'); // a secondary result, such as "Bench.method:gc.alloc.rate.norm"
            int dot = (colon < 0 ? name : name.substring(0, colon)).lastIndexOf('.');
            String owner = name.substring(0, dot);
            StringBuilder method = new StringBuilder(name.substring(dot + 1));
            String separator = " (";
            for (int i = 7; i < f.size(); i++) { // "Param: x" columns, empty where x does not apply
                if (!f.get(i).isEmpty()) {
                    method.append(separator).append(f.get(i));
                    separator = ", ";
                }
            }
            if (!separator.equals(" (")) {
                method.append(')');
            }
            return new Row(
                    owner.substring(owner.lastIndexOf('.') + 1),
                    method.toString(),
                    Integer.parseInt(f.get(2)),
                    parse(f.get(4)),
                    parse(f.get(5)),
                    f.get(6));
        }

        private static double parse(String number) {
            return number.isEmpty() || number.equals("NaN")
                    ? Double.NaN
                    : Double.parseDouble(number);
        }
    }
}
