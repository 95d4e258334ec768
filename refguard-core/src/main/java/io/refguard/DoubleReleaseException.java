package io.refguard;

/** A reference was closed twice. The report names both release sites and the acquire site. */
public final class DoubleReleaseException extends RefGuardException {

    private static final long serialVersionUID = 1L;

    DoubleReleaseException(Report report) {
        super(report);
    }
}
