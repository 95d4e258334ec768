package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import java.util.concurrent.TimeoutException;

/**
 * Failures that are a program's own reaction to a timeout refguard made expire early: under {@link
 * TimeoutMode#SAFETY_NETS}, a thread that throws an {@code AssertionError} or a {@code
 * TimeoutException} within {@link TimeoutMode#SAFETY_NET_STEPS} of its own steps after one of its
 * timed waits timed out at once (while other threads could still go on) declared the other thread
 * too slow: {@code if (!latch.await(500, MILLISECONDS)) throw new AssertionError("timed out")}.
 * That is a safety net the program set, not a bug, so the thread ends there and the run goes on;
 * the exploration counts such runs and keeps the first as an example.
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
        x.expiredSafetyNet(thread + " threw " + thrown + where(thrown));
        Coordinator.safetyNetExpired();
        return true;
    }

    /** The first frame of {@code t}'s stack outside the JDK, as {@code " at File.java:12"}. */
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("io.refguard.")) {
                return e.getFileName() == null
                        ? " in " + c
                        : " at " + e.getFileName() + ":" + e.getLineNumber();
            }
        }
        return "";
    }
}
