package io.refguard.bench.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders {@link SearchBench}'s results as Markdown. */
final class SearchTable {

    private SearchTable() {}

    static String render(SearchBench.Settings s, Map<Program, Map<String, List<Trial[]>>> results) {
        StringBuilder out = new StringBuilder();
        List<String> columns = new ArrayList<>();
        s.columns().forEach(c -> columns.add(c.name()));
        out.append(
                String.format(
                        Locale.ROOT,
                        "Budget %ds per buggy program, %ds per fix; seeds 1..%d; %s, %d cores%n%n",
                        s.budget().toSeconds(),
                        s.fixBudget().toSeconds(),
                        s.seeds(),
                        System.getProperty("java.vm.name")
                                + " "
                                + System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors()));
        out.append("| program | threads |");
        columns.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|---:|");
        columns.forEach(c -> out.append("---:|"));
        out.append('\n');
        Set<String> notes = new LinkedHashSet<>();
        for (Map.Entry<Program, Map<String, List<Trial[]>>> e : results.entrySet()) {
            Program p = e.getKey();
            out.append("| ")
                    .append(p.name())
                    .append(" | ")
                    .append(p.threads() == 0 ? "" : p.threads())
                    .append(" |");
            for (String c : columns) {
                out.append(' ').append(cell(p, e.getValue().get(c), notes, c)).append(" |");
            }
            out.append('\n');
        }
        summary(out, columns, results);
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String cell(Program p, List<Trial[]> trials, Set<String> notes, String column) {
        int found = 0;
        boolean otherKind = false;
        boolean falseAlarm = false;
        boolean error = false;
        List<Long> runs = new ArrayList<>();
        for (Trial[] t : trials) {
            Trial bug = t[0];
            Trial fix = t[1];
            if (bug.error() != null || fix.error() != null) {
                error = true;
                notes.add(
                        p.name()
                                + " ("
                                + column
                                + "): "
                                + (bug.error() != null ? bug.error() : fix.error()));
            }
            if (bug.failed() && bug.kind() == p.expected()) {
                found++;
                runs.add(bug.runs());
            } else if (bug.failed()) {
                otherKind = true;
                notes.add(
                        p.name()
                                + " ("
                                + column
                                + "): the buggy side failed as "
                                + bug.kind()
                                + ", not "
                                + p.expected());
            }
            if (fix.failed()) {
                falseAlarm = true;
                notes.add(p.name() + " (" + column + "): the fix failed as " + fix.kind());
            }
        }
        String c;
        if (error && found == 0) {
            c = "err";
        } else if (found == 0) {
            c = otherKind ? "*" : "-";
        } else {
            c = (found < trials.size() ? found + "/" + trials.size() + " " : "") + median(runs);
        }
        return c + (falseAlarm ? " FA" : "");
    }

    private static void summary(
            StringBuilder out,
            List<String> columns,
            Map<Program, Map<String, List<Trial[]>>> results) {
        int n = results.size();
        StringBuilder found = new StringBuilder("| **bugs found** | |");
        StringBuilder alarms = new StringBuilder("| **false alarms** | |");
        StringBuilder verified = new StringBuilder("| **fixes verified** | |");
        StringBuilder medRuns = new StringBuilder("| **median runs to bug** | |");
        StringBuilder medTime = new StringBuilder("| **median ms to bug** | |");
        Set<Program> foundByAny = new LinkedHashSet<>();
        for (String c : columns) {
            int f = 0;
            int fa = 0;
            int v = 0;
            List<Long> runs = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (Map.Entry<Program, Map<String, List<Trial[]>>> e : results.entrySet()) {
                boolean any = false;
                boolean alarm = false;
                boolean allVerified = true;
                for (Trial[] t : e.getValue().get(c)) {
                    if (t[0].failed() && t[0].kind() == e.getKey().expected()) {
                        any = true;
                        runs.add(t[0].runs());
                        millis.add(t[0].millis());
                    }
                    alarm |= t[1].failed();
                    allVerified &= t[1].verified();
                }
                if (any) {
                    f++;
                    foundByAny.add(e.getKey());
                }
                fa += alarm ? 1 : 0;
                v += allVerified ? 1 : 0;
            }
            found.append(' ').append(f).append('/').append(n).append(" |");
            alarms.append(' ').append(fa).append(" |");
            verified.append(' ').append(v).append(" |");
            medRuns.append(' ').append(runs.isEmpty() ? "" : median(runs)).append(" |");
            medTime.append(' ').append(millis.isEmpty() ? "" : median(millis)).append(" |");
        }
        out.append(found)
                .append('\n')
                .append(alarms)
                .append('\n')
                .append(verified)
                .append('\n')
                .append(medRuns)
                .append('\n')
                .append(medTime)
                .append('\n');
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nFound by at least one search: %d of %d.%n",
                        foundByAny.size(),
                        n));
        if (columns.contains("default")) {
            List<String> missed = new ArrayList<>();
            for (Program p : foundByAny) {
                boolean byDefault = false;
                for (Trial[] t : results.get(p).get("default")) {
                    byDefault |= t[0].failed() && t[0].kind() == p.expected();
                }
                if (!byDefault) {
                    missed.add(p.name());
                }
            }
            out.append(
                    missed.isEmpty()
                            ? "The default found every one of them.\n"
                            : "Missed by the default but found by another search: "
                                    + missed
                                    + "\n");
        }
    }

    static long median(List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
