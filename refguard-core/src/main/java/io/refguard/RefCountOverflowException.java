package io.refguard;

/**
 * An acquire would have pushed the count past its maximum (2<sup>30</sup> - 1). The acquire was
 * undone and the count is unchanged; the usual cause is a reference acquired in a loop and never
 * closed.
 */
public final class RefCountOverflowException extends RefGuardException {

    private static final long serialVersionUID = 1L;

    RefCountOverflowException(Report report) {
        super(report);
    }
}
