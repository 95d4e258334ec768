package io.refguard.explore;

import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.InterleavingReport;
import java.util.Objects;

/**
 * Thrown when an exploration is inconclusive: refguard could not control the program, so it neither
 * found a bug nor showed there is none. A thread blocked or spinning where refguard cannot schedule
 * it (I/O, a lock of uninstrumented code), a run over the explorer's thread limit, or threads that
 * ran without ever reaching a scheduling point because their code is not instrumented. The message
 * says what happened and what to do.
 *
 * <p>It is an {@link AssertionError}, like {@link InterleavingFailure}, so a test that explores
 * fails with it: an exploration that could not explore never passes.
 */
public final class InterleavingInconclusive extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final transient InterleavingReport report;

    /**
     * Creates the exception.
     *
     * @param kind why, one of the {@linkplain FailureKind#inconclusive() inconclusive} kinds
     * @param message what happened and what to do; for a run that was traced, the rendered report
     * @param report the report of the run that could not be controlled, or null when there is no
     *     one such run (nothing was instrumented)
     */
    public InterleavingInconclusive(FailureKind kind, String message, InterleavingReport report) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        if (!kind.inconclusive()) {
            throw new IllegalArgumentException(
                    kind + " is a failure of the program, not an inconclusive run");
        }
        this.report = report;
    }

    /** Why the exploration is inconclusive. */
    public FailureKind kind() {
        return kind;
    }

    /** The report of the run refguard could not control, or null when there is none. */
    public InterleavingReport report() {
        return report;
    }

    /** The token that replays the run refguard could not control, or null. */
    public String replayToken() {
        return report == null ? null : report.replayToken();
    }
}
