package io.refguard.agent.explore;

import io.refguard.explore.runtime.Coordinator;
import java.util.function.BooleanSupplier;

/**
 * The one way the adapter blocks a thread: {@link Coordinator#blockUntil} on a wake-up condition
 * the adapter tracks, so that interrupts, permits and timeouts, which the runtime does not model,
 * can end a wait.
 *
 * <h2>Timeouts on a virtual clock</h2>
 *
 * Nothing really waits. Each run has a virtual clock ({@link RunModel#clockNanos}), which {@code
 * System.nanoTime} and {@code currentTimeMillis} in explored code read. A step of the program takes
 * no time; time passes only when a timed wait ({@code sleep}, {@code wait(ms)}, {@code parkNanos},
 * a timed {@code tryLock}, {@code poll}, {@code offer}, {@code get}, {@code await}, {@code join},
 * ...) times out, and then the clock moves to its deadline. This is the discrete-event view of
 * time:
 *
 * <ul>
 *   <li><b>{@linkplain TimeoutMode#ORDERED ordered}</b> (the default): a timed wait ends when its
 *       event happens, or times out when no thread can make progress otherwise and no other pending
 *       timeout is due earlier. Timeouts due at the same time are a choice the explorer explores. A
 *       program whose timeout is only a safety net ({@code awaitTermination(1, MINUTES)}, an
 *       interrupted {@code sleep(60_000)}) is not reported for the path where the net is hit
 *       although every other thread could still go on; a program that relies on one thread being
 *       slower than another's timeout ({@code poll(1, SECONDS)} against a producer that sleeps for
 *       two) takes the timed-out path.
 *   <li><b>{@linkplain TimeoutMode#EARLY early}</b>: additionally, a timed wait may time out right
 *       away, before any other thread performs an operation: the wait's scheduling point offers the
 *       choice (running the waiting thread on is the timed-out path, running another thread first
 *       the timely one), so both paths of every timeout are explored, as if any other thread could
 *       be arbitrarily slow. To keep polling loops ({@code while (!done) wait(100)}) finite, a
 *       thread may time out early once per run ({@link #EARLY_TIMEOUTS}).
 * </ul>
 *
 * Not explored in either mode: a timeout firing in the middle of another thread's work (between its
 * first and last step), except at its start in the early mode.
 */
final class Waits {

    /** In {@link TimeoutMode#EARLY}, how many times per run a thread may time out early. */
    static final int EARLY_TIMEOUTS = 1;

    private Waits() {}

    /**
     * A scheduling point, then blocks {@code me} until {@code wake} holds (or, when {@code timed},
     * until it times out as the class describes, with a timeout of 0). Returns with {@code wake}
     * true, or false for a timeout; nobody has run since that was checked. {@code wake} must only
     * read state.
     *
     * @param target the object waited on (reduction and reports), or null
     * @param label constant per object or site: shown in reports
     */
    static void block(
            RunModel run,
            ThreadModel me,
            BooleanSupplier wake,
            boolean timed,
            Object target,
            String label) {
        block(run, me, wake, timed, 0L, target, label);
    }

    /**
     * As {@link #block(RunModel, ThreadModel, BooleanSupplier, boolean, Object, String)}, with the
     * timeout in nanoseconds: its deadline orders it among pending timeouts, and a timeout moves
     * the virtual clock to it.
     */
    static void block(
            RunModel run,
            ThreadModel me,
            BooleanSupplier wake,
            boolean timed,
            long nanos,
            Object target,
            String label) {
        if (run.libraryDepth > 0) {
            // inside a JDK call no other thread may run (see LibraryOps): blocking here, or even a
            // scheduling point, would pass the baton while the JDK may hold its own locks
            if (wake.getAsBoolean()) {
                return;
            }
            throw new UnsupportedOperationException(
                    "'"
                            + label
                            + "' would block inside a call"
                            + " into the JDK (a callback of a JDK method, or a JDK wrapper around a"
                            + " modeled object), which the explorer runs without switching threads;"
                            + " call it outside the JDK method, or exclude the class from"
                            + " instrumentation.");
        }
        me.wakeUp = wake;
        try {
            if (!timed) {
                Coordinator.blockUntil(wake, target, label);
                return;
            }
            long deadline = run.clockNanos + Math.max(0L, nanos);
            if (deadline < run.clockNanos) {
                deadline = Long.MAX_VALUE; // overflow: as good as forever
            }
            me.deadline = deadline;
            long opsAtStart = run.ops;
            boolean early =
                    run.timeouts == TimeoutMode.EARLY
                            && nanos > 0
                            && me.earlyTimeouts < EARLY_TIMEOUTS; // not a yield's step aside
            Coordinator.blockUntil(
                    () ->
                            wake.getAsBoolean()
                                    || run.mayTimeOut(me)
                                    || early && run.ops == opsAtStart,
                    target,
                    label);
            if (!wake.getAsBoolean()) {
                if (early && run.ops == opsAtStart && !run.mayTimeOut(me)) {
                    me.earlyTimeouts++;
                }
                run.clockNanos = Math.max(run.clockNanos, deadline);
            }
        } finally {
            me.wakeUp = null;
            me.deadline = Long.MAX_VALUE;
        }
    }

    /**
     * Whether {@code t} is the explorer's signal that the run is over: it must propagate, never be
     * caught and recorded as the program's failure.
     */
    static boolean isAbort(Throwable t) {
        return t.getClass().getName().equals("io.refguard.explore.runtime.AbortSignal");
    }
}
