package io.refguard.explore.runtime;

/**
 * Why a run ended when its program started more threads than the explorer schedules
 * (64 per run): a limit of refguard, not a failure of the program, so the
 * exploration is inconclusive.
 */
public final class ThreadLimitExceeded extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ThreadLimitExceeded(String message) {
        super(message);
    }
}
