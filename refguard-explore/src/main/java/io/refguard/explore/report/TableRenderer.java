package io.refguard.explore.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an {@link InterleavingReport} as text: a headline, a table with one column per thread and
 * one row per step, the failure, and the replay token. The table is a Markdown pipe table, readable
 * in a terminal and pasteable into an issue as is.
 *
 * <p>A step's cell is its label, the touched object when the label does not name it, and the user
 * source line. Rows are numbered in execution order; thread starts and ends get no row of their
 * own. A step marked {@code *} is a preemption: it ran although the thread that ran before could
 * have gone on (for a thread's first step, the preemption happened when it started).
 *
 * <p>With more than {@link #MAX_COLUMNS} threads the table keeps a column only for the threads that
 * matter to the schedule: the first thread, the thread the failure belongs to, and both threads of
 * every preemption (the one that ran and the one it interrupted); the steps of the other threads
 * between two kept rows fold into one row of an {@code other threads} column, such as {@code 117
 * threads, 1,650 steps (buyer-2, buyer-3, ...)}. So a hundred threads of which two race still print
 * one screen wide. The HTML report keeps every lane. The format is pinned by golden-file tests:
 * change it deliberately.
 */
public final class TableRenderer {

    private static final String START = "start";

    /** The most thread columns a table shows before it folds the threads that do not matter. */
    static final int MAX_COLUMNS = 8;

    /** How many folded threads a folded row names, and operations a shortened run counts. */
    private static final int NAMED_FOLDED = 3;

    /** In a folded table, runs of one thread longer than this are shortened. */
    private static final int LONG_RUN = 8;

    /** Rows kept at each end of a shortened run. */
    private static final int RUN_ENDS = 3;

    private TableRenderer() {}

    /** Renders {@code report}; lines end with {@code \n}. */
    public static String render(InterleavingReport report) {
        StringBuilder out = new StringBuilder();
        Failure f = report.failure();
        String preemptions =
                report.preemptions() + (report.preemptions() == 1 ? " preemption" : " preemptions");
        if (f == null) {
            out.append("Scenario \"")
                    .append(report.scenario())
                    .append("\" passed on this schedule (")
                    .append(preemptions)
                    .append(").\n\n");
            table(report, out);
            out.append('\n');
            notesAndToken(report, out);
            return out.toString();
        }
        out.append("Scenario \"")
                .append(report.scenario())
                .append(f.kind().inconclusive() ? "\" is inconclusive: " : "\" failed: ")
                .append(f.kind().phrase())
                .append('\n');
        out.append(f.kind().inconclusive() ? "Met by " : "Found by ")
                .append(report.foundBy())
                .append(" after ")
                .append(report.runs())
                .append(report.runs() == 1 ? " run" : " runs")
                .append("; the schedule below has ")
                .append(preemptions)
                .append(".\n\n");
        table(report, out);
        out.append('\n');
        out.append("Failure: ").append(f.summary()).append('\n');
        if (f.location() != null) {
            out.append("    at ").append(f.location()).append('\n');
        }
        for (String d : f.details()) {
            out.append("    ").append(d).append('\n');
        }
        if (f.kind().inconclusive()) {
            out.append(
                    "Verdict: inconclusive. refguard could not control this run, so it is no evidence"
                            + " of a bug, and the exploration is no evidence that there is none.\n");
        }
        notesAndToken(report, out);
        return out.toString();
    }

    private static void notesAndToken(InterleavingReport report, StringBuilder out) {
        for (String n : report.notes()) {
            out.append("Note: ").append(n).append('\n');
        }
        out.append("Replay: ").append(report.replayToken()).append('\n');
        out.append("    with ExploreOptions.replay(\"")
                .append(report.replayToken())
                .append("\") or -Drefguard.explore.replay=")
                .append(report.replayToken())
                .append('\n');
    }

    private static void table(InterleavingReport report, StringBuilder out) {
        int n = report.threads().size();
        Rows walk = new Rows(report);
        for (TraceEvent e : report.events()) {
            String[] cells = e.accept(walk);
            if (cells != null) {
                walk.rows.add(cells);
            }
        }
        List<String[]> rows = walk.rows;
        boolean[] kept = n > MAX_COLUMNS ? walk.threadsThatMatter() : null;
        List<String> header = new ArrayList<>();
        header.add("step");
        for (int i = 0; i < n; i++) {
            if (kept == null || kept[i]) {
                header.add(report.threads().get(i));
            }
        }
        if (kept != null) {
            header.add("other threads");
            rows = shorten(fold(rows, kept, report.threads()));
        }
        int columns = header.size();
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (String[] r : rows) {
                if (r[c] != null) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
        }
        line(header.toArray(new String[0]), width, out);
        for (int c = 0; c < columns; c++) {
            out.append('|').append("-".repeat(width[c] + 2));
        }
        out.append("|\n");
        for (String[] r : rows) {
            line(r, width, out);
        }
        if (walk.anyPreemption) {
            out.append("(* = preemption: the thread that ran before could have gone on)\n");
        }
    }

    /**
     * The rows with only the kept threads' columns, and each run of rows of other threads folded
     * into one row of a last column, numbered with the range of its steps.
     */
    private static List<String[]> fold(List<String[]> rows, boolean[] kept, List<String> threads) {
        int keptCount = 0;
        for (boolean k : kept) {
            keptCount += k ? 1 : 0;
        }
        List<String[]> out = new ArrayList<>();
        Fold fold = new Fold();
        for (String[] r : rows) {
            int t = threadOf(r);
            if (!kept[t]) {
                fold.add(r[0], threads.get(t));
                continue;
            }
            fold.flush(out, keptCount);
            String[] narrow = new String[keptCount + 2];
            narrow[0] = r[0];
            for (int i = 0, c = 1; i < kept.length; i++) {
                if (kept[i]) {
                    narrow[c++] = r[i + 1];
                }
            }
            out.add(narrow);
        }
        fold.flush(out, keptCount);
        return out;
    }

    /**
     * Each run of more than {@link #LONG_RUN} rows of one thread, none of them a preemption after
     * its first, keeps its first and last {@link #RUN_ENDS} rows; the rows between become one row
     * that counts their operations, such as {@code ... 234 steps: ConcurrentHashMap.merge() x117,
     * spawn x117, starts x117}.
     */
    private static List<String[]> shorten(List<String[]> rows) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int t = threadOf(rows.get(i));
            int j = i + 1;
            while (j < rows.size() && threadOf(rows.get(j)) == t && !rows.get(j)[0].endsWith("*")) {
                j++;
            }
            if (j - i <= LONG_RUN) {
                out.addAll(rows.subList(i, j));
            } else {
                out.addAll(rows.subList(i, i + RUN_ENDS));
                out.add(summary(rows.subList(i + RUN_ENDS, j - RUN_ENDS), t));
                out.addAll(rows.subList(j - RUN_ENDS, j));
            }
            i = j;
        }
        return out;
    }

    private static String[] summary(List<String[]> middle, int column) {
        Map<String, Integer> ops = new LinkedHashMap<>();
        String first = null;
        String last = null;
        int steps = 0;
        for (String[] r : middle) {
            if (!r[0].isEmpty()) {
                first = first == null ? r[0] : first;
                last = r[0];
                steps++;
            }
            String cell = r[column + 1];
            ops.merge(verb(cell), 1, Integer::sum);
        }
        StringBuilder cell =
                new StringBuilder("... ").append(steps).append(steps == 1 ? " step: " : " steps: ");
        int shown = 0;
        for (Map.Entry<String, Integer> e : ops.entrySet()) {
            if (shown++ == NAMED_FOLDED) {
                cell.append(", ...");
                break;
            }
            cell.append(shown > 1 ? ", " : "").append(e.getKey()).append(" x").append(e.getValue());
        }
        String[] row = new String[middle.get(0).length];
        row[0] = first == null ? "" : first.equals(last) ? first : first + "-" + last;
        row[column + 1] = cell.toString();
        return row;
    }

    /**
     * The operation of a cell without its values: {@code Map.get("k") -> 1} is {@code Map.get()}.
     */
    private static String verb(String cell) {
        int space = cell.indexOf(' ');
        int paren = cell.indexOf('(');
        if (paren > 0 && (space < 0 || paren < space)) {
            return cell.substring(0, paren) + "()";
        }
        return space > 0 ? cell.substring(0, space) : cell;
    }

    private static int threadOf(String[] row) {
        for (int c = 1; c < row.length; c++) {
            if (row[c] != null) {
                return c - 1;
            }
        }
        throw new IllegalStateException("a row with no thread");
    }

    /** Consecutive rows of folded threads, collected until a kept thread's row comes. */
    private static final class Fold {
        final LinkedHashSet<String> names = new LinkedHashSet<>();
        String first;
        String last;
        int steps;

        void add(String step, String thread) {
            names.add(thread);
            if (!step.isEmpty()) {
                first = first == null ? step : first;
                last = step;
                steps++;
            }
        }

        void flush(List<String[]> out, int keptCount) {
            if (names.isEmpty()) {
                return;
            }
            String[] row = new String[keptCount + 2];
            row[0] = first == null ? "" : first.equals(last) ? first : first + "-" + last;
            StringBuilder cell = new StringBuilder();
            cell.append(names.size())
                    .append(names.size() == 1 ? " thread, " : " threads, ")
                    .append(String.format(Locale.ROOT, "%,d", steps))
                    .append(steps == 1 ? " step (" : " steps (");
            int i = 0;
            for (String name : names) {
                if (i++ == NAMED_FOLDED) {
                    cell.append(", ...");
                    break;
                }
                cell.append(i > 1 ? ", " : "").append(name);
            }
            row[keptCount + 1] = cell.append(')').toString();
            out.add(row);
            names.clear();
            first = null;
            last = null;
            steps = 0;
        }
    }

    private static String stepCell(TraceEvent.Step s) {
        StringBuilder sb = new StringBuilder(s.label());
        if (s.target() != null && !s.label().contains(s.target())) {
            sb.append(' ').append(s.target());
        }
        if (s.location() != null) {
            sb.append(" (").append(s.location()).append(')');
        }
        return sb.toString();
    }

    private static void line(String[] cells, int[] width, StringBuilder out) {
        for (int c = 0; c < cells.length; c++) {
            String v = cells[c] == null ? "" : cells[c];
            out.append("| ").append(v).append(" ".repeat(width[c] - v.length() + 1));
        }
        out.append("|\n");
    }

    /**
     * The table's rows, one per event that shows: a step numbered (with {@code *} after a
     * preemption), a block or a start unnumbered; a thread's start and its return show none.
     */
    private static final class Rows implements TraceEvent.Visitor<String[]> {
        final List<String[]> rows = new ArrayList<>();
        final InterleavingReport report;
        final boolean[] preemptedAtStart;
        final boolean[] matters;
        boolean anyPreemption;
        int row;
        int lastStepper = -1;

        Rows(InterleavingReport report) {
            this.report = report;
            this.preemptedAtStart = new boolean[report.threads().size()];
            this.matters = new boolean[report.threads().size()];
        }

        @Override
        public String[] step(TraceEvent.Step s) {
            if (START.equals(s.label())) {
                // a start shows no row; a preemption that started the thread marks its first step
                preemptedAtStart[s.thread()] = s.preemption();
                if (s.preemption() && lastStepper >= 0) {
                    matters[lastStepper] = true; // the thread the start interrupted
                }
                return null;
            }
            boolean preemption = s.preemption() || preemptedAtStart[s.thread()];
            preemptedAtStart[s.thread()] = false;
            anyPreemption |= preemption;
            if (s.preemption()) {
                matters[s.thread()] = true;
                if (lastStepper >= 0) {
                    matters[lastStepper] = true; // the thread it interrupted
                }
            }
            if (preemption) {
                matters[s.thread()] = true;
            }
            lastStepper = s.thread();
            return cells(s.thread(), ++row + (preemption ? " *" : ""), stepCell(s));
        }

        /** The first thread, the failure's, and both threads of every preemption. */
        boolean[] threadsThatMatter() {
            boolean[] kept = matters.clone();
            kept[0] = true;
            Failure f = report.failure();
            if (f != null && f.thread() >= 0 && f.thread() < kept.length) {
                kept[f.thread()] = true;
            }
            return kept;
        }

        @Override
        public String[] blocked(TraceEvent.Blocked b) {
            return cells(b.thread(), "", "(blocked: waits for " + b.waitsFor() + ")");
        }

        @Override
        public String[] spawned(TraceEvent.Spawned s) {
            return cells(s.thread(), "", "starts " + report.threads().get(s.child()));
        }

        @Override
        public String[] finished(TraceEvent.Finished f) {
            return null; // the thread's last step is its last row
        }

        private String[] cells(int thread, String stepCol, String cell) {
            String[] cells = new String[report.threads().size() + 1];
            cells[0] = stepCol;
            cells[thread + 1] = cell;
            return cells;
        }
    }
}
