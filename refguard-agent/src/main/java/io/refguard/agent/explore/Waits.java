package io.refguard.agent.explore;

import io.refguard.explore.runtime.Coordinator;
import java.util.function.BooleanSupplier;

/**
 * The one way the adapter blocks a thread: {@link Coordinator#blockUntil} on a wake-up condition
 * the adapter tracks, so that interrupts, permits and timeouts, which the runtime does not model,
 * can end a wait.
 *
 * <h2>Timeouts</h2>
 * A timed wait ({@code wait(ms)}, {@code sleep}, {@code tryLock(t, u)}, {@code parkNanos}, ...)
 * ends early when its event happens, and times out only when no other thread can make progress:
 * exactly where waiting on would end the run as a deadlock. Time never passes otherwise, so a
 * thread that polls with a timeout ({@code while (!done) wait(100)}) is not a spin loop to the
 * explorer, and a program that relies on a timeout to recover is not reported as deadlocked. The
 * cost: a race between a timeout and the event it waits for is explored only in that one order.
 */
final class Waits {

    private Waits() {}

    /**
     * A scheduling point, then blocks {@code me} until {@code wake} holds (or, when
     * {@code timed}, until nothing else can run). Returns with {@code wake} true, or false for a
     * timeout; nobody has run since that was checked. {@code wake} must only read state.
     *
     * @param target the object waited on (reduction and reports), or null
     * @param label constant per object or site: shown in reports
     */
    static void block(RunModel run, ThreadModel me, BooleanSupplier wake, boolean timed,
            Object target, String label) {
        me.wakeUp = wake;
        try {
            Coordinator.blockUntil(
                    timed ? () -> wake.getAsBoolean() || !run.othersCanRun(me) : wake,
                    target, label);
        } finally {
            me.wakeUp = null;
        }
    }

    /**
     * Whether {@code t} is the explorer's signal that the run is over: it must propagate, never
     * be caught and recorded as the program's failure.
     */
    static boolean isAbort(Throwable t) {
        return t.getClass().getName().equals("io.refguard.explore.runtime.AbortSignal");
    }
}
