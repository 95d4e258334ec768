package io.refguard.explore.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an {@link InterleavingReport} as text: a headline, a table with one column per thread and
 * one row per step, the failure, and the replay token. The table is a Markdown pipe table, readable
 * in a terminal and pasteable into an issue as is.
 *
 * <p>A step's cell is its label, the touched object when the label does not name it, and the user
 * source line. Rows are numbered in execution order; thread starts and ends get no row of their
 * own. A step marked {@code *} is a preemption: it ran although the thread that ran before could
 * have gone on (for a thread's first step, the preemption happened when it started). The format is
 * pinned by golden-file tests: change it deliberately.
 */
public final class TableRenderer {

    private static final String START = "start";

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
        boolean anyPreemption = walk.anyPreemption;
        String[] header = new String[n + 1];
        header[0] = "step";
        for (int i = 0; i < n; i++) {
            header[i + 1] = report.threads().get(i);
        }
        int[] width = new int[n + 1];
        for (int c = 0; c <= n; c++) {
            width[c] = Math.max(3, header[c].length());
            for (String[] r : rows) {
                if (r[c] != null) {
                    width[c] = Math.max(width[c], r[c].length());
                }
            }
        }
        line(header, width, out);
        for (int c = 0; c <= n; c++) {
            out.append('|').append("-".repeat(width[c] + 2));
        }
        out.append("|\n");
        for (String[] r : rows) {
            line(r, width, out);
        }
        if (anyPreemption) {
            out.append("(* = preemption: the thread that ran before could have gone on)\n");
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
        boolean anyPreemption;
        int row;

        Rows(InterleavingReport report) {
            this.report = report;
            this.preemptedAtStart = new boolean[report.threads().size()];
        }

        @Override
        public String[] step(TraceEvent.Step s) {
            if (START.equals(s.label())) {
                // a start shows no row; a preemption that started the thread marks its first step
                preemptedAtStart[s.thread()] = s.preemption();
                return null;
            }
            boolean preemption = s.preemption() || preemptedAtStart[s.thread()];
            preemptedAtStart[s.thread()] = false;
            anyPreemption |= preemption;
            return cells(s.thread(), ++row + (preemption ? " *" : ""), stepCell(s));
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
