package io.refguard.explore.report;

/**
 * What failed a schedule, or what kept refguard from exploring it. The kinds that are {@linkplain
 * #inconclusive() inconclusive} are refguard's limits, not bugs of the program.
 */
public enum FailureKind {
    /** A thread threw: an exception, a failed assertion, a refguard checker error. */
    THREAD_THREW("a thread threw"),
    /** An invariant or a snapshot recovery check failed at a scheduling point. */
    INVARIANT("an invariant broke"),
    /** Every live thread was blocked. */
    DEADLOCK("deadlock"),
    /** The run exceeded the step bound. */
    LIVELOCK("no progress"),
    /**
     * A thread stayed away from scheduling points past the run timeout: blocked or spinning in code
     * refguard does not control (I/O, an uninstrumented lock). Inconclusive.
     */
    STUCK("a thread is stuck outside refguard's control", true),
    /** The final check failed. */
    FINAL_CHECK("the final check failed"),
    /** References were still held when the run ended. */
    LEAK("leak"),
    /**
     * A thread had to wait for a thread the explorer did not start, or use an operation it does not
     * model. Inconclusive.
     */
    OUT_OF_CONTROL("a thread or operation outside refguard's control", true),
    /** A run needed more threads than the explorer can schedule. Inconclusive. */
    THREAD_LIMIT("too many threads for the explorer", true),
    /**
     * Threads ran but no scheduling point ever arose: the code is not instrumented, so there was
     * nothing to interleave. Inconclusive.
     */
    NOT_INSTRUMENTED("nothing was interleaved", true),
    /**
     * Two runs of the same schedule, after the first run (a warm-up), took different steps: the
     * program reads something refguard does not control or reset (the clock, randomness, state kept
     * from an earlier run), so a schedule cannot be repeated and the search cannot cover them.
     * Inconclusive.
     */
    NOT_DETERMINISTIC("runs of the same schedule differ", true),
    /**
     * The time budget ran out before the first run finished: there is no complete run to judge.
     * Inconclusive.
     */
    UNFINISHED("no run finished within the time budget", true);

    private final String phrase;
    private final boolean inconclusive;

    FailureKind(String phrase) {
        this(phrase, false);
    }

    FailureKind(String phrase, boolean inconclusive) {
        this.phrase = phrase;
        this.inconclusive = inconclusive;
    }

    /**
     * Whether this is a limit of refguard rather than a failure of the program: the exploration is
     * inconclusive ({@link io.refguard.explore.InterleavingInconclusive}).
     */
    public boolean inconclusive() {
        return inconclusive;
    }

    /** A short phrase for headlines, such as {@code "deadlock"}. */
    public String phrase() {
        return phrase;
    }
}
