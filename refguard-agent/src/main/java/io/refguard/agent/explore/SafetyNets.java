package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import io.refguard.explore.runtime.SourceLocator;
import java.util.concurrent.TimeoutException;

/**
 * Failures that are a program's own reaction to a timeout refguard made expire early: under {@link
 * TimeoutMode#SAFETY_NETS}, a thread that throws an {@code AssertionError} or a {@code
 * TimeoutException} within {@link TimeoutMode#SAFETY_NET_STEPS} of its own steps after one of its
 * timed waits timed out at once (while other threads could still go on), and without waiting for
 * another thread since, declared the other thread too slow: {@code if (!latch.await(500,
 * MILLISECONDS)) throw new AssertionError("timed out")}. A thread that waited since (a {@code
 * join}, a blocked lock) went on with the others after its timeout, and its failure is reported.
 * That is a safety net the program set, not a bug: the run ends there as a pass (the program's
 * other threads would wait for what the failed thread no longer does); the exploration counts such
 * runs and keeps the first as an example.
 */
final class SafetyNets {

    private SafetyNets() {}

    /**
     * Whether {@code thrown}, escaping the calling thread's body, is an expired safety net; if so,
     * counts it and tells the runtime, which ends the run as a pass when the thread ends with it.
     * Called on the failing thread, while it is still managed.
     */
    static boolean expired(ExploringInterceptor x, String thread, Throwable thrown) {
        if (x.timeouts != TimeoutMode.SAFETY_NETS
                || !(thrown instanceof AssertionError || thrown instanceof TimeoutException)
                || Coordinator.isAbort(thrown)) {
            return false;
        }
        int steps = Coordinator.stepsSinceEarlyTimeout();
        if (steps < 0 || steps > TimeoutMode.SAFETY_NET_STEPS) {
            return false;
        }
        String at = SourceLocator.locate(thrown);
        x.expiredSafetyNet(thread + " threw " + thrown + (at == null ? "" : " at " + at));
        Coordinator.safetyNetExpired();
        return true;
    }
}
