package io.refguard;

import java.util.List;

/** Renders a {@link Report} as the plain text shown in exception messages and logs. */
final class ReportText {

    /** Labels are padded to this width so that sites line up in a column. */
    private static final int LABEL_WIDTH = 19;

    private ReportText() {}

    static String render(Report r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("refguard: ")
                .append(r.kind().text())
                .append(' ')
                .append(r.object())
                .append(
                        r.tracked()
                                ? " (tracked)"
                                : r.kind() == Report.Kind.LEAK
                                        ? " (counted in PRESENCE mode)"
                                        : " (untracked)");
        for (Report.Entry e : r.entries()) {
            sb.append("\n  ").append(e.label());
            for (int i = e.label().length(); i < LABEL_WIDTH; i++) {
                sb.append(' ');
            }
            sb.append(e.site());
        }
        List<AccessRecord> records = r.records();
        if (!records.isEmpty()) {
            int total = r.recordCount();
            sb.append("\n  access records (")
                    .append(
                            records.size() == total
                                    ? "all " + total
                                    : "first and last " + (records.size() - 1) + " of " + total)
                    .append("):");
            int previous = 0;
            for (AccessRecord rec : records) {
                if (rec.index() > previous + 1) {
                    sb.append("\n    ...");
                }
                sb.append("\n    ").append(rec);
                previous = rec.index();
            }
        }
        if (r.advice() != null) {
            sb.append("\n  ").append(r.advice());
        }
        return sb.toString();
    }
}
