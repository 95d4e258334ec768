package io.refguard;

import java.util.List;

/**
 * References were still open when a {@link LeakScope} closed. The message lists every one of them
 * with its acquire site (and access records, when on); {@link #reports()} gives them as data. A
 * {@link CheckMode#PRESENCE} scope lists instead how many objects it counted as never freed, in one
 * report without sites that says how to get them. Close each listed reference on every path,
 * including error paths, or hand it to an owner that outlives the scope.
 */
public final class LeakException extends RefGuardException {

    private static final long serialVersionUID = 1L;

    private final transient List<Report> reports;

    LeakException(String scope, List<Report> reports) {
        super(message(scope, reports), reports.get(0));
        this.reports = List.copyOf(reports);
    }

    /**
     * One report per leaked reference, in the order they were acquired; for a PRESENCE scope, last,
     * one report of the count of objects never freed ({@link Report#tracked()} false).
     */
    public List<Report> reports() {
        return reports;
    }

    private static String message(String scope, List<Report> reports) {
        long references = reports.stream().filter(Report::tracked).count();
        StringBuilder sb = new StringBuilder();
        sb.append("refguard: leak scope closed with ");
        if (references > 0) {
            sb.append(references).append(references == 1 ? " open reference" : " open references");
        }
        for (Report r : reports) {
            if (!r.tracked()) {
                sb.append(references > 0 ? " and " : "").append(r.object());
            }
        }
        sb.append(" (")
                .append(scope)
                .append(
                        references > 0
                                ? "); close each on every path:"
                                : "); release each on every path:");
        for (Report r : reports) {
            sb.append('\n').append(r);
        }
        return sb.toString();
    }
}
