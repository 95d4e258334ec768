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
 * <p>Steps nest under the user methods they ran in: before a step, a line for each method the
 * thread entered since its previous step ({@link CallPath}), and the step indented below it. A
 * table wider than {@link #MAX_WIDTH} characters narrows its widest thread columns, whose cells
 * fold their values ({@link TableCell#fold}), unless it cannot fit even so.
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

    /** The widest a table gets: wider cells fold their values (see {@link TableCell#fold}). */
    static final int MAX_WIDTH = 120;

    /** The narrowest a thread column gets when the table folds its cells to fit. */
    static final int MIN_CELL = 50;

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
            e.accept(walk);
        }
        List<Row> rows = walk.rows;
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
            for (Row r : rows) {
                String v =
                        c == 0 ? r.no() : r.cells()[c - 1] == null ? "" : r.cells()[c - 1].text();
                width[c] = Math.max(width[c], v.length());
            }
        }
        fit(width, header, rows);
        List<String[]> lines = new ArrayList<>(rows.size());
        int[] shown = new int[columns];
        for (int c = 0; c < columns; c++) {
            shown[c] = Math.max(3, header.get(c).length());
        }
        for (Row r : rows) {
            String[] text = new String[columns];
            text[0] = r.no();
            for (int c = 1; c < columns; c++) {
                TableCell cell = r.cells()[c - 1];
                text[c] = cell == null ? "" : cell.fold(width[c]);
            }
            for (int c = 0; c < columns; c++) {
                shown[c] = Math.max(shown[c], text[c].length()); // a tail that cannot fold
            }
            lines.add(text);
        }
        line(header.toArray(new String[0]), shown, out);
        for (int c = 0; c < columns; c++) {
            out.append('|').append("-".repeat(shown[c] + 2));
        }
        out.append("|\n");
        for (String[] text : lines) {
            line(text, shown, out);
        }
        if (walk.anyPreemption) {
            out.append("(* = preemption: the thread that ran before could have gone on)\n");
        }
    }

    /**
     * Narrows the widest thread columns, all to one width, until the table is at most {@link
     * #MAX_WIDTH} characters wide, but none below {@link #MIN_CELL}, its header, or what its cells
     * fold to ({@link TableCell#narrowest}); the cells of a narrowed column fold their values. A
     * table that cannot fit so (many threads, long notes or file names) keeps every value whole.
     */
    private static void fit(int[] width, List<String> header, List<Row> rows) {
        int[] floor = new int[width.length];
        for (int c = 1; c < width.length; c++) {
            floor[c] = Math.max(MIN_CELL, Math.max(3, header.get(c).length()));
            for (Row r : rows) {
                TableCell cell = r.cells()[c - 1];
                if (cell != null) {
                    floor[c] = Math.max(floor[c], cell.narrowest());
                }
            }
        }
        if (total(width, floor, 0) > MAX_WIDTH) {
            return; // it cannot fit: cutting values would lose them for nothing
        }
        int cap = 0;
        for (int c = 1; c < width.length; c++) {
            cap = Math.max(cap, width[c]);
        }
        while (cap > 0 && total(width, floor, cap) > MAX_WIDTH) {
            cap--;
        }
        for (int c = 1; c < width.length; c++) {
            width[c] = Math.min(width[c], Math.max(cap, floor[c]));
        }
    }

    /** The table's width with its thread columns narrowed to {@code cap}, above their floors. */
    private static int total(int[] width, int[] floor, int cap) {
        int total = 1 + width[0] + 3;
        for (int c = 1; c < width.length; c++) {
            total += Math.min(width[c], Math.max(cap, floor[c])) + 3;
        }
        return total;
    }

    /**
     * One line of the table: the step column ({@code 3}, {@code 4 *}, a range in a folded table, or
     * empty for a row that is no step) and one cell per column, null where the thread did nothing.
     */
    private record Row(String no, TableCell[] cells) {}

    /**
     * The rows with only the kept threads' columns, and each run of rows of other threads folded
     * into one row of a last column, numbered with the range of its steps.
     */
    private static List<Row> fold(List<Row> rows, boolean[] kept, List<String> threads) {
        int keptCount = 0;
        for (boolean k : kept) {
            keptCount += k ? 1 : 0;
        }
        List<Row> out = new ArrayList<>();
        Fold fold = new Fold();
        for (Row r : rows) {
            int t = threadOf(r);
            if (!kept[t]) {
                fold.add(r.no(), threads.get(t));
                continue;
            }
            fold.flush(out, keptCount);
            TableCell[] narrow = new TableCell[keptCount + 1];
            for (int i = 0, c = 0; i < kept.length; i++) {
                if (kept[i]) {
                    narrow[c++] = r.cells()[i];
                }
            }
            out.add(new Row(r.no(), narrow));
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
    private static List<Row> shorten(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int t = threadOf(rows.get(i));
            int j = i + 1;
            while (j < rows.size()
                    && threadOf(rows.get(j)) == t
                    && !rows.get(j).no().endsWith("*")) {
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

    private static Row summary(List<Row> middle, int column) {
        Map<String, Integer> ops = new LinkedHashMap<>();
        String first = null;
        String last = null;
        int steps = 0;
        String indent = null;
        for (Row r : middle) {
            if (!r.no().isEmpty()) {
                first = first == null ? r.no() : first;
                last = r.no();
                steps++;
            }
            TableCell cell = r.cells()[column];
            if (!cell.method()) {
                ops.merge(cell.verb(), 1, Integer::sum);
                indent = indent == null ? cell.indent() : indent;
            }
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
        TableCell[] cells = new TableCell[middle.get(0).cells().length];
        cells[column] = TableCell.text(indent == null ? "" : indent, cell.toString(), "", false);
        return new Row(first == null ? "" : first.equals(last) ? first : first + "-" + last, cells);
    }

    private static int threadOf(Row row) {
        for (int c = 0; c < row.cells().length; c++) {
            if (row.cells()[c] != null) {
                return c;
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

        void flush(List<Row> out, int keptCount) {
            if (names.isEmpty()) {
                return;
            }
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
            TableCell[] cells = new TableCell[keptCount + 1];
            cells[keptCount] = TableCell.text("", cell.append(')').toString(), "", false);
            out.add(
                    new Row(
                            first == null ? "" : first.equals(last) ? first : first + "-" + last,
                            cells));
            names.clear();
            first = null;
            last = null;
            steps = 0;
        }
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
     * preemption), a block or a start unnumbered; a thread's start and its return show none. Before
     * a step, a line for each user method it entered since the thread's previous step (see {@link
     * CallPath}); the step is indented below its method.
     */
    private static final class Rows implements TraceEvent.Visitor<Void> {
        final List<Row> rows = new ArrayList<>();
        final InterleavingReport report;
        final boolean[] preemptedAtStart;
        final boolean[] matters;
        final List<List<CallPath.Call>> calls = new ArrayList<>();
        boolean anyPreemption;
        int row;
        int lastStepper = -1;

        Rows(InterleavingReport report) {
            this.report = report;
            this.preemptedAtStart = new boolean[report.threads().size()];
            this.matters = new boolean[report.threads().size()];
            for (int i = 0; i < report.threads().size(); i++) {
                calls.add(List.of());
            }
        }

        @Override
        public Void step(TraceEvent.Step s) {
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
            List<CallPath.Call> path = CallPath.of(s);
            for (int d = CallPath.common(calls.get(s.thread()), path); d < path.size(); d++) {
                add(s.thread(), "", TableCell.text(indent(d), path.get(d).name(), "", true));
            }
            calls.set(s.thread(), path);
            add(
                    s.thread(),
                    ++row + (preemption ? " *" : ""),
                    TableCell.step(indent(path.size()), s.label(), s.target(), s.location()));
            return null;
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
        public Void blocked(TraceEvent.Blocked b) {
            String in = indent(calls.get(b.thread()).size());
            add(
                    b.thread(),
                    "",
                    TableCell.text(in, "(blocked: waits for " + b.waitsFor(), ")", false));
            return null;
        }

        @Override
        public Void note(TraceEvent.Note n) {
            String in = indent(calls.get(n.thread()).size());
            add(n.thread(), "", TableCell.text(in, "(" + n.text(), ")", false));
            return null;
        }

        @Override
        public Void spawned(TraceEvent.Spawned s) {
            String in = indent(calls.get(s.thread()).size());
            String child = report.threads().get(s.child());
            add(s.thread(), "", TableCell.text(in, "starts " + child, "", false));
            return null;
        }

        @Override
        public Void finished(TraceEvent.Finished f) {
            return null; // the thread's last step is its last row
        }

        @Override
        public Void omitted(TraceEvent.Omitted o) {
            row += o.steps(); // the rows after it keep their steps' numbers
            String text =
                    String.format("%,d", o.steps())
                            + (o.what() == null ? " steps not shown" : " steps " + o.what());
            add(
                    o.thread(),
                    "...",
                    TableCell.text(
                            indent(calls.get(o.thread()).size()), "(" + text + ")", "", false));
            return null;
        }

        private void add(int thread, String no, TableCell cell) {
            TableCell[] cells = new TableCell[report.threads().size()];
            cells[thread] = cell;
            rows.add(new Row(no, cells));
        }

        private static String indent(int depth) {
            return "  ".repeat(depth);
        }
    }
}
