package io.refguard.cli;

import io.refguard.run.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary printed by {@code cases}: one row per case with its verdict, how many schedules were
 * run, how long it took and the preemptions (of the failing schedule, or the bound a verification
 * covered, shown as {@code <=2}), as a Markdown pipe table like the explorer's.
 */
final class SummaryTable {

    private static final String[] HEADER = {
        "case", "variant", "verdict", "schedules", "time", "preemptions"
    };

    /** Right-aligned columns: the numbers. */
    private static final boolean[] RIGHT = {false, false, false, true, true, true};

    private SummaryTable() {}

    /** The table; lines end with {@code \n}. */
    static String render(List<Outcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            rows.add(
                    new String[] {
                        o.name(),
                        o.variant() == null ? "" : o.variant(),
                        o.verdict().text()
                                + (o.asExpected() ? "" : " (expected " + o.expected().text() + ")"),
                        String.valueOf(o.schedules()),
                        millis(o.millis()),
                        preemptions(o)
                    });
        }
        int[] width = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            width[c] = HEADER[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER, width);
        for (int c = 0; c < HEADER.length; c++) {
            sb.append('|').append("-".repeat(width[c] + 2));
        }
        sb.append("|\n");
        for (String[] r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    /** {@code 61 ms}, or {@code 1.2 s} from a second on. */
    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String preemptions(Outcome o) {
        if (o.preemptions() < 0) {
            return "-";
        }
        return o.token() != null ? String.valueOf(o.preemptions()) : "<=" + o.preemptions();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(width[c] - cells[c].length());
            sb.append("| ").append(RIGHT[c] ? pad + cells[c] : cells[c] + pad).append(' ');
        }
        sb.append("|\n");
    }
}
