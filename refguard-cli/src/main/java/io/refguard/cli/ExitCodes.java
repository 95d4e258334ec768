package io.refguard.cli;

/** The command's exit statuses; see {@link Main}. */
final class ExitCodes {

    /** Nothing found; for {@code cases}, every case met its expectation. */
    static final int CLEAN = 0;

    /** A bug was found; for {@code cases}, a case missed its expectation. */
    static final int BUG_FOUND = 1;

    /** The command line, a class, a token or a scenario is wrong; the message says how. */
    static final int USAGE = 2;

    /** refguard itself failed; the stack trace is printed. */
    static final int INTERNAL = 3;

    /**
     * Inconclusive: refguard could not control the program (a thread stuck outside its control, a
     * thread it did not start, its thread limit, code that is not instrumented); the message says
     * what and what to do. Neither a bug nor a pass.
     */
    static final int INCONCLUSIVE = 4;

    private ExitCodes() {}

    /** The status of one exploration's outcome. */
    static int of(io.refguard.run.Outcome o) {
        return switch (o.verdict()) {
            case INCONCLUSIVE -> INCONCLUSIVE;
            case BUG_FOUND -> BUG_FOUND;
            // graded against an expectation: a failing schedule is still a bug
            case VERIFIED, CLEAN, MISSED, FALSE_ALARM -> o.token() != null ? BUG_FOUND : CLEAN;
        };
    }
}
