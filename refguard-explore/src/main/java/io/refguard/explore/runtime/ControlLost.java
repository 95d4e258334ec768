package io.refguard.explore.runtime;

/**
 * Why a run ended when refguard lost control of it: the program started more threads than the
 * explorer schedules (64 per run), waited for a thread the explorer did not start, or used an
 * operation it does not model. A limit of refguard, not a failure of the program, so the
 * exploration is inconclusive. Raised through {@link
 * io.refguard.explore.Coordinator#lostControl(String)}.
 */
public final class ControlLost extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final boolean threadLimit;

    ControlLost(String message, boolean threadLimit) {
        super(message);
        this.threadLimit = threadLimit;
    }

    /**
     * Whether the run hit the explorer's thread limit (else another thread or operation was beyond
     * it).
     */
    public boolean threadLimit() {
        return threadLimit;
    }
}
