package io.refguard;

/**
 * A closed reference, or an object whose count reached zero, was used. The report names the use
 * and, for tracked objects, where the reference was released.
 */
public final class UseAfterReleaseException extends RefGuardException {

    private static final long serialVersionUID = 1L;

    UseAfterReleaseException(Report report) {
        super(report);
    }
}
