package io.refguard.explore.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one traced schedule, usually a failing one: the traced events, the
 * failure, how it was found and how to replay it. Immutable; rendered by {@link TableRenderer}.
 *
 * @param scenario the scenario's name
 * @param threads thread names by id: the actors in declaration order, then spawned threads
 * @param events the traced run, in execution order
 * @param failure why the schedule failed; {@code null} only for a schedule that passed, as {@link
 *     io.refguard.explore.Scenario#trace(String)} may show one
 * @param foundBy how the schedule was found, e.g. {@code exhaustive, preemption bound 2}
 * @param runs runs executed before the failure was found
 * @param preemptions preemptions in the reported schedule
 * @param replayToken the token that replays the schedule
 * @param notes remarks about the report itself (e.g. a re-run that behaved differently)
 */
public record InterleavingReport(
        String scenario,
        List<String> threads,
        List<TraceEvent> events,
        Failure failure,
        String foundBy,
        long runs,
        int preemptions,
        String replayToken,
        List<String> notes) {

    /** Validates and copies. */
    public InterleavingReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(replayToken, "replayToken");
        threads = List.copyOf(threads);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    /** Whether the schedule passed: there is no failure to show. */
    public boolean passed() {
        return failure == null;
    }

    /**
     * Writes this report as one self-contained HTML page (a swimlane per thread; see {@link
     * HtmlRenderer}) to {@code file}, creating its directory, and returns the file.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public Path writeHtml(Path file) {
        return writeHtml(file, null);
    }

    /**
     * As {@link #writeHtml(Path)}; the page shows {@code replayCommand} (such as {@code refguard
     * replay rg1-... --class com.acme.Main}) as the way to replay the schedule from the command
     * line, or a generic hint when it is null.
     */
    public Path writeHtml(Path file, String replayCommand) {
        Objects.requireNonNull(file, "file");
        try {
            return HtmlRenderer.write(this, file, replayCommand);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "refguard: cannot write the HTML report to " + file + ": " + e, e);
        }
    }
}
