package io.refguard.explore.runtime;

/** How one run ended. */
public enum RunStatus {
    /** Every thread finished, the invariants held at every point and the final check passed. */
    COMPLETED(false),
    /** The chooser ended the run as redundant; not a failure. */
    PRUNED(false),
    /**
     * A thread failed with its own reaction to a timeout that was made to expire early (an expired
     * safety net, see {@code Coordinator.safetyNetExpired}); the run ends there. Not a failure.
     */
    SAFETY_NET(false),
    /**
     * A thread ended the program with status 0 ({@code System.exit(0)}, see {@code
     * Coordinator.programExited}); the run ends there, the other threads stopped where they were,
     * as the JVM stops them. Not a failure.
     */
    EXITED(false),
    /** A thread threw (an exception, a failed assertion, a refguard checker error). */
    ACTOR_FAILED(true),
    /** An invariant or snapshot recovery check failed at a scheduling point. */
    INVARIANT_FAILED(true),
    /** Every live thread was blocked. */
    DEADLOCK(true),
    /** The run took more steps than the step bound. */
    LIVELOCK(true),
    /** A thread stayed away from scheduling points longer than the run timeout. */
    STUCK(true),
    /** The final check threw. */
    CHECK_FAILED(true),
    /** The run's leak scope reported references still held at the end. */
    LEAK(true);

    private final boolean failure;

    RunStatus(boolean failure) {
        this.failure = failure;
    }

    /** Whether this outcome fails the schedule. */
    public boolean isFailure() {
        return failure;
    }
}
