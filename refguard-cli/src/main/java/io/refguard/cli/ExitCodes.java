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

    private ExitCodes() {}
}
