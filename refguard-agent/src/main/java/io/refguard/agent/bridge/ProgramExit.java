package io.refguard.agent.bridge;

/**
 * Thrown where explored code calls {@code System.exit}, {@code Runtime.exit} or {@code
 * Runtime.halt}: under exploration that ends the run, which fails with this as the thread's
 * exception, and never the JVM that explores. An {@link Error}, so that code catching {@code
 * Exception} lets it through.
 */
public final class ProgramExit extends Error {

    private static final long serialVersionUID = 1L;

    ProgramExit(String call, int site) {
        super(
                "the program called "
                        + call
                        + " at "
                        + Instructions.get(site).location()
                        + "; under exploration"
                        + " that ends the run, not the JVM. Let the explored code return instead of exiting.");
    }
}
