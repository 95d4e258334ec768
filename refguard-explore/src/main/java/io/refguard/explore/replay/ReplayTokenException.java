package io.refguard.explore.replay;

/**
 * A replay token could not be used: it is malformed, damaged, of another version, or made for
 * another scenario. The message says which, and what to do.
 */
public final class ReplayTokenException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public ReplayTokenException(String message) {
        super(message);
    }
}
