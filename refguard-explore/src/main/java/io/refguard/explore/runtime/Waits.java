package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import java.util.function.BooleanSupplier;

/**
 * Waits of managed threads: the timed wait on the run's virtual clock, and what blocked threads
 * wait for, in words, for deadlock reports and traced runs.
 *
 * <h2>Timeouts on a virtual clock</h2>
 *
 * Nothing really waits. Each run has a virtual clock ({@link Execution#clockNanos}), which explored
 * code reads through {@link io.refguard.explore.Coordinator#advanceClock}. A step of the program
 * takes no time; time passes only when a timed wait ({@code sleep}, {@code wait(ms)}, {@code
 * parkNanos}, a timed {@code tryLock}, {@code poll}, {@code get}, {@code await}, {@code join}, ...)
 * times out, and then the clock moves to its deadline. This is the discrete-event view of time:
 *
 * <ul>
 *   <li><b>ordered</b> (always): a timed wait ends when its event happens, or times out when no
 *       other thread can make progress and no other pending timeout is due earlier. Timeouts due at
 *       the same time are a choice the explorer explores, and once one of them fired, the clock
 *       stands at the others' deadline: they are due, and may fire at any step from then on, also
 *       in the middle of the first thread's work. A timeout that is only a safety net is not
 *       reported as hit while every other thread could still go on; a program that relies on one
 *       thread being slower than another's timeout takes the timed-out path.
 *   <li><b>early</b> (when the caller asks for it): additionally, a timed wait may time out right
 *       away, before any other thread runs: choosing the waiting thread at the wait's scheduling
 *       point is the timed-out path, choosing another thread first the timely one, so both paths of
 *       every timeout are explored, as if the other threads' work took longer than the timeout.
 *       Neither path is a preemption ({@link ChoicePoint#currentMayTimeOut}): the wait stands for
 *       the other threads' work, so switching to them is what the thread does by waiting. Timers
 *       keep their order: a wait does not time out early while another thread's timeout is due
 *       before its own. To keep polling loops ({@code while (!done) wait(100)}) finite, a thread
 *       may time out early a bounded number of times per run ({@link Execution#earlyTimeoutLimit},
 *       one unless the exploration's options say otherwise); a wait the limit keeps from timing out
 *       early is counted ({@link Execution#earlyTimeoutsHeldBack}), so that a result without a
 *       failure can say that bugs needing more early timeouts of one thread were not searched.
 * </ul>
 *
 * Not explored: a timeout firing in the middle of another thread's work (between its first and last
 * step) before the clock reached its deadline, except at its start in the early mode.
 */
final class Waits {

    private Waits() {}

    /**
     * A scheduling point, then blocks {@code me} until {@code wake} holds or, when {@code
     * timeoutNanos >= 0}, until the wait times out as the class describes. Returns true with {@code
     * wake} true, false for a timeout (the clock then stands at the deadline or later); nobody has
     * run since that was decided.
     */
    static boolean block(
            Actor me,
            BooleanSupplier wake,
            long timeoutNanos,
            boolean early,
            Object target,
            String label) {
        if (timeoutNanos < 0) {
            Primitives.blockUntil(me, wake, target, label);
            return true;
        }
        Execution x = me.exec;
        RunState run = x.run;
        long deadline = run.clockNanos + timeoutNanos;
        if (deadline < run.clockNanos) {
            deadline = Long.MAX_VALUE - 1; // overflow: as good as forever, yet still a deadline
        }
        int start = run.steps();
        me.deadline = deadline;
        try {
            // the choice at this point is the wait's early timeout only if the wait will wait:
            // nobody moves between this check and the wait's own when the thread is chosen at once
            boolean couldEnd =
                    early
                            && timeoutNanos > 0
                            && !holds(me, wake)
                            && !mayTimeOut(me)
                            && !otherDueBefore(me);
            if (couldEnd && me.earlyTimeouts >= x.earlyTimeoutLimit) {
                couldEnd = false;
                x.earlyTimeoutsHeldBack++;
            }
            me.timeoutChoice = couldEnd;
            x.point(me, target, Access.READ, label);
            boolean choice = me.timeoutChoice;
            me.timeoutChoice = false;
            if (holds(me, wake)) {
                Primitives.woke(me);
                endedInTime(me);
                return true;
            }
            boolean timedOut = mayTimeOut(me);
            if (!timedOut && choice && run.steps() == start + 1) {
                // chosen at its own point before anyone else moved: the early timed-out path
                me.earlyTimeouts++;
                me.earlyTimeoutStep = run.steps();
                me.waitedSinceEarlyTimeout = false;
                timedOut = true;
                Tracer tracer = run.tracer;
                if (tracer != null) {
                    tracer.note(
                            me.id,
                            "ended at once, as if the other threads took longer than its "
                                    + duration(timeoutNanos));
                }
            }
            if (!timedOut) {
                me.until = wake;
                x.block(me, Actor.Block.UNTIL);
                me.until = null;
                if (holds(me, wake)) {
                    Primitives.woke(me);
                    endedInTime(me);
                    return true;
                }
            }
            // time passed for it, as for a thread that blocked: a polling loop that sleeps between
            // its reads is waiting, not spinning
            me.forgetReads();
            run.clockNanos = Math.max(run.clockNanos, deadline);
            return false;
        } finally {
            me.deadline = Long.MAX_VALUE;
            me.timeoutChoice = false; // also when the run is aborted at the point
        }
    }

    /**
     * A timed wait of {@code me} ended in time: after an early timeout of its own, the thread went
     * on with the others (a retry that found what it waits for done), so a failure of its own is no
     * longer its reaction to that timeout ({@link Actor#waitedSinceEarlyTimeout}).
     */
    private static void endedInTime(Actor me) {
        if (me.earlyTimeoutStep >= 0) {
            me.waitedSinceEarlyTimeout = true;
        }
    }

    /** A timeout as a person writes it: {@code 30 ms}, {@code 1.5 ms}, {@code 200 µs}. */
    static String duration(long nanos) {
        if (nanos >= 1_000_000_000L && nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos >= 1_000_000L) {
            return nanos % 1_000_000L == 0
                    ? nanos / 1_000_000L + " ms"
                    : String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return nanos >= 1_000L ? nanos / 1_000L + " µs" : nanos + " ns";
    }

    private static boolean holds(Actor me, BooleanSupplier wake) {
        boolean was = me.userCode;
        me.userCode = false;
        try {
            return wake.getAsBoolean();
        } finally {
            me.userCode = was;
        }
    }

    /**
     * Whether {@code me}, in a timed wait, may time out now: the clock has reached its deadline, or
     * no other thread can make progress ignoring timeouts and no other thread's timeout is due
     * before {@code me}'s. A thread that spins ({@link Fairness#spinsPastTimeouts}: it re-read what
     * nobody wrote, many times) is not progress: it waits for another thread's write, which may be
     * the one after this timeout. A thread that merely yielded, or re-read a few times (a scan of
     * an array's slots looks so), is: it runs again before the timeout fires. Evaluated while every
     * thread is paused.
     */
    static boolean mayTimeOut(Actor me) {
        Execution x = me.exec;
        if (me.deadline <= x.run.clockNanos) {
            return true; // due already: the clock passed it for another thread's timeout
        }
        // a thread left out of the watched set is finished, or dormant: blocked on an event, with
        // no timeout; neither can go on nor times out first
        ThreadSet watched = x.watched;
        for (int i = watched.next(0); i >= 0; i = watched.next(i + 1)) {
            Actor a = x.slots[i];
            if (a != me
                    && a.live()
                    && (a.canGoOn() && !Fairness.spinsPastTimeouts(a)
                            || a.deadline < me.deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether another live thread's timed wait is due before {@code me}'s: then {@code me} does not
     * time out early, so that timeouts keep their order on the clock (a heartbeat due in 4 s does
     * not fire before a sleep due in 3.5 s ends); the threads' work may be slow, their timers are
     * not.
     */
    private static boolean otherDueBefore(Actor me) {
        Execution x = me.exec;
        ThreadSet watched = x.watched;
        for (int i = watched.next(0); i >= 0; i = watched.next(i + 1)) {
            Actor a = x.slots[i];
            if (a != me && a.live() && a.deadline < me.deadline) {
                return true;
            }
        }
        return false;
    }

    /** One line per live thread of a run in which none can go on. */
    static String describeDeadlock(Execution x) {
        StringBuilder sb = new StringBuilder("every live thread is blocked:");
        for (int i = 0; i < x.run.threadCount; i++) {
            Actor a = x.slots[i];
            if (a.live()) {
                sb.append("\n  ").append(a.name).append(" waits for ").append(describe(x, a));
            }
        }
        return sb.toString();
    }

    /** What blocked actor {@code a} waits for, e.g. {@code lock account A, held by T2}. */
    static String describe(Execution x, Actor a) {
        ObjectNamer namer = x.run.namer();
        return switch (a.block) {
            case LOCK -> {
                Actor owner = a.lock.owner;
                yield "lock "
                        + namer.name(a.lock.key)
                        + (owner == null ? "" : ", held by " + owner.name);
            }
            case WAIT ->
                    a.notified
                            ? "lock "
                                    + namer.name(a.lock.key)
                                    + " to return from await, held by "
                                    + (a.lock.owner == null ? "nobody" : a.lock.owner.name)
                            : "a signal on " + namer.name(a.pendingTarget);
            case JOIN -> a.joinTarget.name + " to finish";
            case UNTIL -> {
                String on = a.pendingTarget == null ? null : namer.name(a.pendingTarget);
                // "'wait on page'", not "'wait on page' on page"
                yield "'"
                        + a.pendingLabel
                        + "'"
                        + (on == null || a.pendingLabel.endsWith(" " + on) ? "" : " on " + on);
            }
            case NONE -> "nothing";
        };
    }
}
