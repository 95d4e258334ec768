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
 * Turns a JMH CSV result file ({@code -rf csv}) into Markdown tables that put each refguard
 * benchmark next to its peer, with the ratio of their average times.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.refguard.bench.SideBySide results.csv}
 */
public final class SideBySide {

    /** Which benchmark each one is compared against: "Class.method" to the baseline method. */
    private static final Map<String, String> BASELINES = Map.ofEntries(
            Map.entry("AcquireReleaseBench.atomicInteger", "netty"),
            Map.entry("AcquireReleaseBench.refguard", "netty"),
            Map.entry("AcquireReleaseBench.atomicIntegerContended", "nettyContended"),
            Map.entry("AcquireReleaseBench.refguardContended", "nettyContended"),
            Map.entry("TrackedBench.refguardTracked", "nettyParanoid"),
            Map.entry("AgentSitesBench.refguardSupplied", "nettyParanoid"),
            Map.entry("AgentSitesBench.refguardWalked", "nettyParanoid"),
            Map.entry("PoolWorkloadBench.sampled", "off"));

    private SideBySide() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SideBySide <jmh-results.csv>  (write one with: -rf csv -rff FILE)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            System.err.println("no JMH result file at " + file + "; run the benchmarks with -rf csv -rff " + file);
            System.exit(2);
        }
        System.out.print(render(Files.readAllLines(file)));
    }

    /** Renders the tables for the lines of a JMH CSV file. */
    static String render(List<String> csvLines) {
        Map<String, List<Row>> byClass = new LinkedHashMap<>();
        for (int i = 1; i < csvLines.size(); i++) {
            if (csvLines.get(i).isBlank()) {
                continue;
            }
            Row row = Row.parse(splitCsv(csvLines.get(i)));
            byClass.computeIfAbsent(row.className, k -> new ArrayList<>()).add(row);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Row>> entry : byClass.entrySet()) {
            out.append("\n### ").append(entry.getKey()).append("\n\n");
            out.append("| benchmark | threads | time | ratio |\n|---|---:|---:|---|\n");
            for (Row row : entry.getValue()) {
                String baseline = BASELINES.get(entry.getKey() + "." + row.method);
                String ratio = "";
                if (baseline != null) {
                    for (Row other : entry.getValue()) {
                        if (other.method.equals(baseline)) {
                            ratio = String.format(Locale.ROOT, "%.2fx the time of %s", row.score / other.score, baseline);
                        }
                    }
                }
                out.append(String.format(Locale.ROOT, "| %s | %d | %.1f ± %.1f %s | %s |%n",
                        row.method, row.threads, row.score, row.error, row.unit, ratio));
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

        private Row(String className, String method, int threads, double score, double error, String unit) {
            this.className = className;
            this.method = method;
            this.threads = threads;
            this.score = score;
            this.error = error;
            this.unit = unit;
        }

        static Row parse(List<String> f) {
            if (f.size() < 7) {
                throw new IllegalArgumentException("not a JMH CSV result line (expected 7+ fields): " + f);
            }
            String name = f.get(0);
            int dot = name.lastIndexOf('.');
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
            return new Row(owner.substring(owner.lastIndexOf('.') + 1), method.toString(),
                    Integer.parseInt(f.get(2)), parse(f.get(4)), parse(f.get(5)), f.get(6));
        }

        private static double parse(String number) {
            return number.isEmpty() || number.equals("NaN") ? Double.NaN : Double.parseDouble(number);
        }
    }
}
