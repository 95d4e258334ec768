package io.refguard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code refguard} command's entry point: {@code java -jar refguard.jar COMMAND ...}.
 *
 * <p>Exit status: 0 when nothing was found (or, for {@code cases}, every case met its
 * expectation), 1 when a bug was found (or a case missed its expectation), 2 for a usage error or
 * a scenario that cannot be explored as given, with a message saying what to fix, and 3 for an
 * internal error of refguard itself.
 */
public final class Main {

    /**
     * The checker's logger. Failing schedules are abandoned mid-run, so the objects they hold are
     * never closed and the GC backstop would report each as a leak; every run's leaks are already
     * checked by its own leak scope, so the command silences the backstop's warnings. Held here
     * because the logging framework keeps loggers only weakly.
     */
    private static final Logger CHECKER_LOG = Logger.getLogger("io.refguard");

    private Main() {}

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        CHECKER_LOG.setLevel(Level.SEVERE);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = RefguardCommand.execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
