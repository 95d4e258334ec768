package io.refguard.explore.runtime;

/**
 * Thrown from a scheduling point to unwind an actor whose run has ended early (a failure in another
 * thread, a deadlock, a pruned schedule). Preallocated and without a stack trace: it is control
 * flow, never shown to users. User code that catches {@code Throwable} and goes on gets it again at
 * its next scheduling point.
 */
final class AbortSignal extends Error {

    private static final long serialVersionUID = 1L;

    static final AbortSignal INSTANCE = new AbortSignal();

    private AbortSignal() {
        super("run aborted by the interleaving explorer", null, false, false);
    }
}
