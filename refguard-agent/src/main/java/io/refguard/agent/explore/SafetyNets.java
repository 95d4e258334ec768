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
 * MILLISECONDS)) throw new AssertionError("timed out")}. A wait that returns nothing to test
 * ({@code sleep}, a timed {@code join}, {@code wait} or {@code park}) counts only once the thread
 * looked at the clock or at the other thread's state, or when the failure says that something timed
 * out; so does a timed wait whose answer the program drops ({@code latch.await(100, MILLISECONDS);}
 * as a statement, {@link #ignored}) or stores and has not read yet ({@code held =
 * gate.tryAcquire(10, MILLISECONDS); use();}, until the variable is read on a normal path): {@code
 * t.join(20); if (!set) throw new AssertionError("not set")} is a bug, the program assuming that
 * {@code t} is done within 20 ms. A thread that waited since (a {@code join}, a blocked lock) went
 * on with the others after its timeout, and its failure is reported. A failure in another thread is
 * a safety net too when it says that something timed out (a {@code TimeoutException}, or "timed
 * out" or "timeout" in its message or its cause's) and a thread that timed out early gave up on the
 * others since (it waited for none): the program reports the timeout elsewhere than where it
 * happened, as a pool's borrower that keeps its "Timeout waiting for idle object" for the main
 * thread to assert on. That is a safety net the program set, not a bug: the run ends there as a
 * pass (the program's other threads would wait for what the failed thread no longer does); the
 * exploration counts such runs and keeps the first as an example.
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
        ThreadModel me = x.run().byCarrier.get(Thread.currentThread());
        boolean own =
                steps >= 0
                        && steps <= TimeoutMode.SAFETY_NET_STEPS
                        && (me == null || me.unseenTimeout == null || saysTimedOut(thrown));
        if (!own && !(saysTimedOut(thrown) && Coordinator.gaveUpAfterEarlyTimeout())) {
            return false;
        }
        String at = SourceLocator.locate(thrown);
        x.expiredSafetyNet(thread + " threw " + thrown + (at == null ? "" : " at " + at));
        Coordinator.safetyNetExpired();
        return true;
    }

    /**
     * After a timed wait of {@code me} whose result the program dropped ({@code what}, {@code
     * latch.await(100, MILLISECONDS);} as a statement), or stored in a local variable it has not
     * read yet (a read calls {@link #looked}): if refguard ended it early, as its last step, the
     * program cannot tell that it timed out, as after a {@code sleep}; a failure right after it is
     * the program relying on the wait being long enough. Ended early as its last step or the one
     * before: a condition's {@code await} takes a step to get its lock back.
     */
    static void ignored(RunModel run, ThreadModel me, String what) {
        int steps = Coordinator.stepsSinceEarlyTimeout();
        if (steps >= 0 && steps <= 1) {
            me.unseenTimeout = what;
            run.unseenTimeouts = true;
        }
    }

    /**
     * Before a wait that returns nothing the program could test ({@code sleep}, a timed {@code
     * join}, {@code wait} or {@code park}): a mark for {@link #timedOutUnseen}.
     */
    static int beforeWait() {
        return Coordinator.stepsSinceEarlyTimeout();
    }

    /**
     * After such a wait of {@code me} ({@code what}), given the {@link #beforeWait} mark: if
     * refguard ended this wait early, the program has not seen that it timed out until it looks at
     * the clock or at another thread's state ({@link #looked}). Until then a failure right after it
     * is the program relying on timing: {@code t.join(20); if (!set) throw new AssertionError()}
     * fails whenever {@code t} takes longer than 20 ms, and {@code sleep(50)} orders nothing. (A
     * thread's one early timeout of a run is the last it had when none counted before the wait and
     * one does after it; a {@code wait} takes a step to get its monitor back after the timeout.)
     */
    static void timedOutUnseen(RunModel run, ThreadModel me, String what, int before) {
        if (before < 0 && Coordinator.stepsSinceEarlyTimeout() >= 0) {
            me.unseenTimeout = what;
            run.unseenTimeouts = true;
        }
    }

    /**
     * Notes that {@code me} looked at the clock or asked whether another thread is alive or in what
     * state: it can tell that its wait timed out ({@link #timedOutUnseen}).
     */
    static void looked(ThreadModel me) {
        me.unseenTimeout = null;
    }

    /**
     * Whether {@code thrown}, or an exception it names as its cause, says that something timed out:
     * a {@code TimeoutException}, or a message with "timed out" or "timeout" in it ({@code "borrow
     * timed out: Timeout waiting for idle object"}).
     */
    static boolean saysTimedOut(Throwable thrown) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof TimeoutException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("timed out") || lower.contains("timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
