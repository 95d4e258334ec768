package io.refguard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The {@code refguard} command's entry point: {@code java -jar refguard.jar COMMAND ...}.
 *
 * <p>Exit status: 0 when nothing was found (or, for {@code cases}, every case met its expectation),
 * 1 when a bug was found (or a case missed its expectation), 2 for a usage error or a scenario that
 * cannot be explored as given, with a message saying what to fix, 3 for an internal error of
 * refguard itself, and 4 when the exploration is inconclusive: refguard could not control the
 * program, and the message says why.
 */
public final class Main {

    /**
     * The checker's logger. Failing schedules are abandoned mid-run, so the objects they hold are
     * never closed and the GC backstop would report each as a leak; every run's leaks are already
     * checked by its own leak scope, so the command silences the backstop's warnings. Held here
     * because the logging framework keeps loggers only weakly.
     */
    private static final Logger CHECKER_LOG = Logger.getLogger("io.refguard");

    /**
     * The logger of the checker's settings: a bad {@code -Drefguard.*} value or {@code REFGUARD_*}
     * variable is logged here once, and must reach the user even though the backstop is silenced.
     */
    private static final Logger SETTINGS_LOG = Logger.getLogger("io.refguard.RefGuard");

    private Main() {}

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        configureLogging(err);
        int status = RefguardCommand.execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Silences the GC backstop's warnings, and prints the checker's warnings about its settings to
     * {@code err} as one line each: {@code refguard: warning: ...}.
     */
    static void configureLogging(PrintWriter err) {
        CHECKER_LOG.setLevel(Level.SEVERE);
        SETTINGS_LOG.setLevel(Level.WARNING);
        SETTINGS_LOG.setUseParentHandlers(false);
        for (Handler h : SETTINGS_LOG.getHandlers()) {
            SETTINGS_LOG.removeHandler(h);
        }
        SETTINGS_LOG.addHandler(
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                            String m = r.getMessage().replaceAll("\\R+", " ");
                            err.println(
                                    "refguard: warning: "
                                            + (m.startsWith("refguard: ") ? m.substring(10) : m));
                            err.flush();
                        }
                    }

                    @Override
                    public void flush() {
                        err.flush();
                    }

                    @Override
                    public void close() {
                        // err belongs to the caller
                    }
                });
    }
}
