package io.refguard.explore.report;

/** What failed a schedule. */
public enum FailureKind {
    /** A thread threw: an exception, a failed assertion, a refguard checker error. */
    THREAD_THREW("a thread threw"),
    /** An invariant or a snapshot recovery check failed at a scheduling point. */
    INVARIANT("an invariant broke"),
    /** Every live thread was blocked. */
    DEADLOCK("deadlock"),
    /** The run exceeded the step bound. */
    LIVELOCK("no progress"),
    /** A thread stayed away from scheduling points past the run timeout. */
    STUCK("a thread is stuck"),
    /** The final check failed. */
    FINAL_CHECK("the final check failed"),
    /** References were still held when the run ended. */
    LEAK("leak");

    private final String phrase;

    FailureKind(String phrase) {
        this.phrase = phrase;
    }

    /** A short phrase for headlines, such as {@code "deadlock"}. */
    public String phrase() {
        return phrase;
    }
}
