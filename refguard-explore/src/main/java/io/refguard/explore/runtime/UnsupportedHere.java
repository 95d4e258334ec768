package io.refguard.explore.runtime;

/**
 * An operation refguard does not model, thrown into the program (unlike {@link ControlLost}, which
 * ends the run) so that code which looks for a facility and falls back when it is missing keeps
 * working. When the program does not catch it and a thread ends with it (or with an exception it
 * caused), the exploration is inconclusive, not a bug: it is refguard's limit. Raised through
 * {@link io.refguard.explore.Coordinator#unsupported(String)}.
 */
public final class UnsupportedHere extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    UnsupportedHere(String message) {
        super(message);
    }

    /** The first {@code UnsupportedHere} in {@code t}'s cause chain, or null. */
    public static UnsupportedHere in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedHere) {
                return (UnsupportedHere) c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
