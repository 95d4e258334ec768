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

    LeakException(String scope, List<Report> reports) {
        super(message(scope, reports), reports.get(0));
        this.reports = List.copyOf(reports);
    }

    /** One report per leaked reference, in the order they were acquired. */
    public List<Report> reports() {
        return reports;
    }

    private static String message(String scope, List<Report> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append("refguard: leak scope closed with ").append(reports.size())
                .append(reports.size() == 1 ? " open reference" : " open references")
                .append(" (").append(scope).append("); close each on every path:");
        for (Report r : reports) {
            sb.append('\n').append(r);
        }
        return sb.toString();
    }
}
