package io.refguard.explore;

import io.refguard.explore.report.InterleavingReport;

/**
 * Thrown when a schedule fails: a thread threw, an invariant broke, the final check failed,
 * the run deadlocked, made no progress, got stuck, or leaked. Its message is the rendered report
 * (one column per thread), which ends with the replay token.
 */
public final class InterleavingFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient InterleavingReport report;
    private final String table;

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

    /** The token that replays this schedule: pass it to {@link ExploreOptions#replay(String)}. */
    public String replayToken() {
        return report.replayToken();
    }
}
