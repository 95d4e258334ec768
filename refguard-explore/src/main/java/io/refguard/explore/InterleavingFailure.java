package io.refguard.explore;

import io.refguard.explore.report.InterleavingReport;
import java.nio.file.Path;

/**
 * Thrown when a schedule fails: a thread threw, an invariant broke, the final check failed, the run
 * deadlocked, made no progress, got stuck, or leaked. Its message is the rendered report (one
 * column per thread), which ends with the replay token.
 */
public final class InterleavingFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient InterleavingReport report;
    private final String table;

    /** The written page's absolute path, as text: a {@code Path} is not serializable. */
    private volatile String html;

    InterleavingFailure(InterleavingReport report, String table, Throwable cause) {
        super("\n" + table, cause);
        this.report = report;
        this.table = table;
    }

    /** The structured report: events, failure, how it was found. */
    public InterleavingReport report() {
        return report;
    }

    /** The rendered report, exactly as in the message. */
    public String table() {
        return table;
    }

    /**
     * Writes the report as one self-contained HTML page (a swimlane per thread, the failure, the
     * replay token) to {@code file}, creating its directory. From then on the message ends with the
     * page's path, so a test report that shows the message also says where the page is.
     *
     * @return {@code file}
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public Path writeHtml(Path file) {
        return writeHtml(file, null);
    }

    /**
     * As {@link #writeHtml(Path)}; the page shows {@code replayCommand} as the command line that
     * replays the schedule (null: a generic hint).
     */
    public Path writeHtml(Path file, String replayCommand) {
        Path written = report.writeHtml(file, replayCommand);
        html = written.toAbsolutePath().toString();
        return written;
    }

    /** The HTML page last written by {@link #writeHtml(Path)}, or null. */
    public Path htmlReport() {
        String h = html;
        return h == null ? null : Path.of(h);
    }

    @Override
    public String getMessage() {
        String h = html;
        String m = super.getMessage();
        return h == null ? m : m + "HTML report: " + h + "\n";
    }

    /** The token that replays this schedule: pass it to {@link ExploreOptions#replay(String)}. */
    public String replayToken() {
        return report.replayToken();
    }
}
