package io.refguard.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * A rendered interleaving report read back for assertions: the thread of each row of its table and
 * the row's cell, plus the text after the table.
 */
final class ReportTable {

    /** One row: the column's thread and its cell. */
    record Row(String thread, String cell) {
        @Override
        public String toString() {
            return thread + ": " + cell;
        }
    }

    final List<String> threads = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final String failure;

    ReportTable(String report) {
        List<String> lines = report.lines().toList();
        int i = 0;
        while (!lines.get(i).startsWith("| step |")) {
            i++;
        }
        String[] header = cells(lines.get(i));
        for (int c = 1; c < header.length; c++) {
            threads.add(header[c]);
        }
        i += 2; // the header's underline
        while (i < lines.size() && lines.get(i).startsWith("|")) {
            String[] cells = cells(lines.get(i));
            for (int c = 1; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    rows.add(new Row(threads.get(c - 1), cells[c]));
                }
            }
            i++;
        }
        failure = String.join("\n", lines.subList(i, lines.size()));
    }

    private static String[] cells(String line) {
        String[] raw = line.substring(1, line.length() - 1).split("\\|", -1);
        for (int k = 0; k < raw.length; k++) {
            raw[k] = raw[k].strip();
        }
        return raw;
    }

    /**
     * Whether the rows contain, in this order (not necessarily adjacent), one row per expected
     * step: same thread, and a cell containing the expected text.
     */
    boolean containsInOrder(List<Row> expected) {
        int k = 0;
        for (Row r : rows) {
            if (k < expected.size()
                    && r.thread().equals(expected.get(k).thread())
                    && r.cell().contains(expected.get(k).cell())) {
                k++;
            }
        }
        return k == expected.size();
    }

    /**
     * The report with what differs from run to run masked: identity hashes in the checker's object
     * names, and the numbers of the explorer's pooled worker threads.
     */
    static String normalize(String report) {
        return report.replaceAll("@[0-9a-f]+ \\(", "@… (")
                .replaceAll("refguard-explore-\\d+", "refguard-explore-…");
    }
}
