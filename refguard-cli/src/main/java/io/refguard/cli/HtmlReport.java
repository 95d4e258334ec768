package io.refguard.cli;

import io.refguard.run.Explored;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code --html FILE} of {@code explore} and {@code replay}: the failure's report as one HTML page.
 */
final class HtmlReport {

    static final String DESCRIPTION =
            "Also write the failing schedule as one self-contained HTML page"
                    + " (a swimlane per thread) to FILE.";

    private HtmlReport() {}

    /**
     * Writes the page of {@code e}'s failure to {@code file} and says so on {@code err}; says that
     * none was written when no schedule failed. Does nothing when {@code file} is null.
     */
    static void write(Path file, Explored e, PrintWriter err) {
        if (file == null) {
            return;
        }
        if (!e.failed()) {
            err.println("refguard: no schedule failed, so no HTML report was written to " + file);
            err.flush();
            return;
        }
        Path written;
        try {
            written = e.failure().writeHtml(file);
        } catch (UncheckedIOException x) {
            throw new RefguardCommand.UserError(
                    "cannot write the HTML report to "
                            + file
                            + ": "
                            + x.getCause().getMessage()
                            + "; pass --html a file in a writable directory",
                    x);
        }
        err.println("refguard: HTML report written to " + written.toAbsolutePath());
        err.flush();
    }
}
