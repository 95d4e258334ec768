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
     * Refuses, before anything is explored, a {@code file} the page could not be written to: a
     * directory, or one in a directory that does not exist or cannot be written. Does nothing when
     * {@code file} is null.
     */
    static void checkWritable(Path file) {
        if (file == null) {
            return;
        }
        // missing directories are made when the page is written: the nearest existing one counts
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !java.nio.file.Files.exists(dir)) {
            dir = dir.getParent();
        }
        String problem =
                java.nio.file.Files.isDirectory(file)
                        ? "it is a directory"
                        : dir == null || !java.nio.file.Files.isDirectory(dir)
                                ? dir + " is not a directory"
                                : !java.nio.file.Files.isWritable(dir)
                                        ? "the directory " + dir + " is not writable"
                                        : null;
        if (problem != null) {
            throw new RefguardCommand.UserError(
                    "--html "
                            + file
                            + " cannot be written: "
                            + problem
                            + "; pass a file in a writable directory, such as report.html",
                    null);
        }
    }

    /**
     * Writes the page of {@code e}'s failure to {@code file} and says so on {@code err}; says that
     * none was written when no schedule failed. Does nothing when {@code file} is null.
     */
    static void write(Path file, Explored e, PrintWriter err, String replayCommand) {
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
            written = e.failure().writeHtml(file, replayCommand);
        } catch (UncheckedIOException x) {
            // the failure is printed already: say so, and keep the verdict's exit status
            err.println(
                    "refguard: warning: cannot write the HTML report to "
                            + file
                            + " ("
                            + x.getCause().getMessage()
                            + "); the report above holds the same schedule and its token");
            err.flush();
            return;
        }
        err.println("refguard: HTML report written to " + written.toAbsolutePath());
        err.flush();
    }
}
