package io.refguard;

/**
 * A reference was acquired or released on an object whose count had already reached zero. For
 * tracked objects the report names where the object was freed; for untracked ones it says how to
 * track them.
 */
public final class DeadObjectException extends RefGuardException {

    private static final long serialVersionUID = 1L;

    DeadObjectException(Report report) {
        super(report);
    }
}
