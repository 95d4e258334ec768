package io.refguard;

import java.util.List;

/**
 * References were still open when a {@link LeakScope} closed. The message lists every one of
 * them with its acquire site (and access records, when on); {@link #reports()} gives them as
 * data. Close each listed reference on every path, including error paths, or hand it to an owner
 * that outlives the scope.
 */
public final class LeakException extends RefGuardException {

    private static final long serialVersionUID = 1L;

    private final transient List<Report> reports;

    LeakException(Site openedAt, List<Report> reports) {
        super(message(openedAt, reports), reports.get(0));
        this.reports = List.copyOf(reports);
    }

    /** One report per leaked reference, in the order they were acquired. */
    public List<Report> reports() {
        return reports;
    }

    private static String message(Site openedAt, List<Report> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append("refguard: leak scope closed with ").append(reports.size())
                .append(reports.size() == 1 ? " open reference" : " open references")
                .append(" (scope opened at ").append(openedAt).append("); close each on every path:");
        for (Report r : reports) {
            sb.append('\n').append(r);
        }
        return sb.toString();
    }
}
