package io.refguard.run;

/**
 * A scenario class could not be found, loaded or used: the fault is in the class name, the class
 * path, or the class itself, and the message says which and what to do.
 */
public final class ScenarioLoadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message a user can act on. */
    public ScenarioLoadException(String message) {
        super(message);
    }

    /** An exception with a message a user can act on, and its cause. */
    public ScenarioLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
