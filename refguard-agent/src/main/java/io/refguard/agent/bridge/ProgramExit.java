package io.refguard.agent.bridge;

/**
 * Thrown where explored code calls {@code System.exit}, {@code Runtime.exit} or {@code
 * Runtime.halt}: under exploration that ends the run, never the JVM that explores. With status 0
 * the run ends as a pass when the thread ends with it (as the JVM would stop the other threads);
 * with another status it is the thread's failure, the status the program reports a failure with. An
 * {@link Error}, so that code catching {@code Exception} lets it through.
 */
public final class ProgramExit extends Error {

    private static final long serialVersionUID = 1L;

    private final int status;

    ProgramExit(String call, int status, int site) {
        super(
                "the program called "
                        + call
                        + "("
                        + status
                        + ") at "
                        + Instructions.get(site).location()
                        + (status == 0 ? "" : ", ending with a status that reports a failure")
                        + "; under exploration that ends the run, not the JVM");
        this.status = status;
    }

    /** The status the program exits with. */
    public int status() {
        return status;
    }
}
