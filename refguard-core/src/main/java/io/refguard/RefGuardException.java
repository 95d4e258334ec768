package io.refguard;

/**
 * A lifetime bug detected by refguard, thrown at the moment it happens. The message is the
 * plain-text {@link Report}; {@link #report()} gives the same data as an object.
 *
 * <p>The fault lies with the code at the sites the report names, never with refguard: fix the
 * missing, extra or late {@code close()} there. Subclasses name the kind of bug.
 */
public class RefGuardException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Report report;

    RefGuardException(Report report) {
        super(report.toString());
        this.report = report;
    }

    RefGuardException(String message, Report first) {
        super(message);
        this.report = first;
    }

    /** The report this exception carries (for a leak of several references, the first one). */
    public Report report() {
        return report;
    }
}
