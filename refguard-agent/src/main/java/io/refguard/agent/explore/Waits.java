package io.refguard.agent.explore;

import io.refguard.explore.runtime.Coordinator;
import java.util.function.BooleanSupplier;

/**
 * The one way the adapter blocks a thread: {@link Coordinator#blockUntil} on a wake-up condition
 * the adapter tracks, so that interrupts, permits and timeouts, which the runtime does not model,
 * can end a wait.
 *
 * <h2>Timeouts on a virtual clock</h2>
 * Nothing really waits. A timed wait ({@code wait(ms)}, {@code sleep}, {@code tryLock(t, u)},
 * {@code parkNanos}, a timed {@code poll}, {@code get} or {@code await}, ...) ends when its event
 * happens, or times out, and the explorer chooses which:
 * <ul>
 *   <li><em>early</em>: right away, before any other thread performs an operation. The wait's
 *       scheduling point offers the choice: running the waiting thread on is the timed-out path,
 *       running another thread first is the timely path. To keep polling loops
 *       ({@code while (!done) wait(100)}) finite, a thread may time out early once per run
 *       ({@link #EARLY_TIMEOUTS}); its later timed waits time out only late.
 *   <li><em>late</em>: when no other thread can make progress, exactly where waiting on would end
 *       the run as a deadlock.
 * </ul>
 * A timeout advances the run's virtual clock ({@link RunModel#clockNanos}) to the wait's
 * deadline; {@code System.nanoTime} and {@code currentTimeMillis} in explored code read that
 * clock. Not explored: a timeout firing in the middle of another thread's work (between its
 * first and last step), and the order of deadlines (any pending timeout may fire late).
 */
final class Waits {

    /** How many times per run a thread may time out before every other thread is stuck. */
    static final int EARLY_TIMEOUTS = 1;

    private Waits() {}

    /**
     * A scheduling point, then blocks {@code me} until {@code wake} holds (or, when
     * {@code timed}, until it times out as the class describes). Returns with {@code wake}
     * true, or false for a timeout; nobody has run since that was checked. {@code wake} must
     * only read state.
     *
     * @param target the object waited on (reduction and reports), or null
     * @param label constant per object or site: shown in reports
     */
    static void block(RunModel run, ThreadModel me, BooleanSupplier wake, boolean timed,
            Object target, String label) {
        block(run, me, wake, timed, 0L, target, label);
    }

    /**
     * As {@link #block(RunModel, ThreadModel, BooleanSupplier, boolean, Object, String)}, with the
     * timeout in nanoseconds (0 when unknown): a timeout advances the virtual clock by it.
     */
    static void block(RunModel run, ThreadModel me, BooleanSupplier wake, boolean timed,
            long nanos, Object target, String label) {
        me.wakeUp = wake;
        try {
            if (!timed) {
                Coordinator.blockUntil(wake, target, label);
                return;
            }
            long opsAtStart = run.ops;
            long start = run.clockNanos;
            boolean early = me.earlyTimeouts < EARLY_TIMEOUTS;
            Coordinator.blockUntil(() -> wake.getAsBoolean() || !run.othersCanRun(me)
                    || early && run.ops == opsAtStart, target, label);
            if (!wake.getAsBoolean()) {
                if (early && run.ops == opsAtStart && run.othersCanRun(me)) {
                    me.earlyTimeouts++;
                }
                run.clockNanos = Math.max(run.clockNanos, start + Math.max(0L, nanos));
            }
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
