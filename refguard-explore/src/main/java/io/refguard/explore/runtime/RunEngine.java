package io.refguard.explore.runtime;

import io.refguard.hook.Hooks;
import io.refguard.hook.RunScope;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs one schedule at a time of a set of actor bodies under a {@link Chooser}, on pooled worker
 * threads, for one exploration. The thread that creates the engine is its <em>driver</em>: it
 * starts every run, makes the first decision, sleeps while actors run, and after the run unwinds
 * whatever is left, runs the final check and closes the run's leak scope. There is no separate
 * controller thread: actors pass the baton to one another directly.
 *
 * <p>While any engine is open, refguard-core's {@link io.refguard.hook.SchedulingHook} is
 * installed, so core operations on managed threads become scheduling points of their own
 * exploration; {@link #close()} returns the workers to the pool. Engines on different driver
 * threads run side by side, each with its own workers, locks, wait sets and schedule: nothing of an
 * exploration is kept in static state. Not thread-safe: use it from its driver.
 *
 * <p>After {@link #run} returns, the accessors describe that run until the next one starts.
 */
public final class RunEngine implements AutoCloseable {

    private final Execution x;

    /** The last finished run, which the accessors describe; null before the first. */
    private RunState last;

    private final int maxSteps;
    private final long timeoutNanos;

    /** The execution the driver drove before this engine (normally none), restored on close. */
    private final Execution outerDriven;

    private boolean closed;

    /** Where each run's steps also go, or null. */
    private FlightRecord flight;

    /**
     * Creates an engine driven by the calling thread.
     *
     * @param maxSteps the step bound: a run with more decisions fails as a livelock
     * @param runTimeout how long a thread may stay away from scheduling points before the run fails
     *     as stuck
     * @throws IllegalStateException when called on a thread of another exploration
     */
    public RunEngine(int maxSteps, Duration runTimeout) {
        this(maxSteps, runTimeout, false);
    }

    /**
     * Refuses to start an exploration on a thread of another one: its actors would be scheduled by
     * two explorers at once. Callers that hand the exploration to a thread of their own call this
     * first, on the thread that asked.
     *
     * @throws IllegalStateException when the calling thread runs for another exploration
     */
    public static void refuseNested() {
        Thread self = Thread.currentThread();
        if (self instanceof Worker) {
            Actor outer = ((Worker) self).actor;
            throw new IllegalStateException(
                    "an exploration cannot start inside a thread of another"
                            + " exploration ("
                            + (outer == null ? self.getName() : outer.name)
                            + "): start"
                            + " it from a thread of your own, such as the test's or main");
        }
    }

    /**
     * Creates an engine driven by the calling thread.
     *
     * @param internalPoints whether refguard's internal steps (the checker's bookkeeping, the read
     *     before a release's compare-and-set) are scheduling points too
     * @see io.refguard.hook.SchedulingHook#beforeInternalAccess
     */
    public RunEngine(int maxSteps, Duration runTimeout, boolean internalPoints) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        Thread self = Thread.currentThread();
        refuseNested();
        this.maxSteps = maxSteps;
        this.timeoutNanos = Math.max(1, runTimeout.toNanos());
        this.x = new Execution(self, internalPoints, ModelCalls.contextToAttach());
        CoreHook.engineOpened();
        this.outerDriven = ModelCalls.drive(x);
    }

    /**
     * Sets how many of a thread's timed waits per run may time out at once (default 1), for the
     * runs from the next one on.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public void earlyTimeouts(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("earlyTimeouts must be at least 0, was " + n);
        }
        x.earlyTimeoutLimit = n;
    }

    /**
     * Timed waits, over every run so far, that would have timed out at once but for {@link
     * #earlyTimeouts}: their thread had used up its early timeouts in that run.
     */
    public long earlyTimeoutsHeldBack() {
        return x.earlyTimeoutsHeldBack;
    }

    /**
     * Opens the next run's leak scope and runs {@code setup} on the driver bound to it, so the
     * objects it creates are tracked the same way in every run (never by the checker's random
     * sampling, which would change the scheduling points from run to run) and the references it
     * leaves open are checked when the run ends. Call before {@link #run}; when it is not called,
     * {@code run} opens the scope itself.
     *
     * @throws RuntimeException what {@code setup} throws, after closing the scope unchecked
     */
    public <T> T prepare(Supplier<T> setup) {
        RunState r = x.run;
        r.scope = Hooks.openRunScope();
        if (r.scope == null) {
            return setup.get();
        }
        try (RunScope.Binding bound = r.scope.bindCurrentThread()) {
            return setup.get();
        } catch (RuntimeException | Error e) {
            discardScope();
            throw e;
        }
    }

    /**
     * Runs one schedule.
     *
     * @param names the thread names, one per body
     * @param bodies the actor bodies; each runs on its own managed thread
     * @param chooser decides every step
     * @param everyPoint run at every scheduling point and once at the end while all threads are
     *     paused (invariants); null for none. Throwing fails the run as {@link
     *     RunStatus#INVARIANT_FAILED}.
     * @param finalCheck run on the driver after every thread finished; null for none
     * @param tracer receives the run's events, or null (the search path)
     */
    public RunStatus run(
            List<String> names,
            List<? extends Runnable> bodies,
            Chooser chooser,
            Runnable everyPoint,
            Runnable finalCheck,
            Tracer tracer) {
        if (closed) {
            throw new IllegalStateException("this engine is closed; create a new one");
        }
        if (Thread.currentThread() != x.driver) {
            throw new IllegalStateException(
                    "runs must be started by the thread that created the engine");
        }
        int n = bodies.size();
        if (n == 0 || n > ChoicePoint.MAX_THREADS || names.size() != n) {
            throw new IllegalArgumentException(
                    "a run needs 1 to "
                            + ChoicePoint.MAX_THREADS
                            + " actors with one name each; got "
                            + n
                            + " bodies and "
                            + names.size()
                            + " names");
        }
        RunState r = x.run;
        x.determinism.startRun(r.number, last == null ? null : last.status, stepsOf(last));
        r.start(chooser, everyPoint, tracer, maxSteps, n);
        r.flight = flight;
        if (flight != null) {
            flight.begin(r.number);
        }
        for (int i = 0; i < n; i++) {
            x.slot(i).reset(names.get(i), bodies.get(i));
        }
        x.startRun(n);
        if (r.scope == null) {
            r.scope = Hooks.openRunScope();
        }
        try {
            x.decide(null);
        } catch (AbortSignal s) {
            // the first decision failed (an invariant broken by setup): nothing started
        }
        if (x.running != x.driverToken && !awaitDriver()) {
            abandonStuck();
        }
        if (r.aborting) {
            unwind();
        }
        if (!r.aborting || r.endedWithDaemons) {
            finish(r, everyPoint, finalCheck);
        }
        closeScope(r);
        x.determinism.runEnded(r.steps(), r.status);
        if (flight != null) {
            flight.end();
        }
        for (int i = 0; i < r.threadCount; i++) {
            x.slots[i].clear();
        }
        // the next run, and its setup, start from a state of their own; this one answers for the
        // run until the next one ends
        x.run = new RunState(x, r.number + 1, last);
        last = r;
        return r.status;
    }

    private static int stepsOf(RunState run) {
        return run == null ? 0 : run.steps();
    }

    private static void finish(RunState r, Runnable everyPoint, Runnable finalCheck) {
        if (r.scope == null) {
            check(r, everyPoint, finalCheck);
            return;
        }
        try (RunScope.Binding bound = r.scope.bindCurrentThread()) {
            check(r, everyPoint, finalCheck);
        }
    }

    private static void check(RunState r, Runnable everyPoint, Runnable finalCheck) {
        if (everyPoint != null) {
            try {
                everyPoint.run();
            } catch (Throwable t) {
                r.record(RunStatus.INVARIANT_FAILED, -1, t, null);
                return;
            }
        }
        if (finalCheck != null) {
            try {
                finalCheck.run();
            } catch (Throwable t) {
                r.record(RunStatus.CHECK_FAILED, -1, t, null);
            }
        }
    }

    /** Closes a scope whose run never started; what it holds is not the run's leak. */
    private void discardScope() {
        RunState r = x.run;
        try {
            r.scope.close();
        } catch (RuntimeException ignored) {
            // the setup failed; its own exception is the one to report
        } finally {
            r.scope = null;
        }
    }

    private static void closeScope(RunState r) {
        if (r.scope == null) {
            return;
        }
        try {
            r.scope.close();
        } catch (RuntimeException e) {
            if (r.status == RunStatus.COMPLETED) {
                r.record(RunStatus.LEAK, -1, e, null);
            }
        } finally {
            r.scope = null;
        }
    }

    /**
     * Waits until the baton comes back to the driver: spinning while the driver holds the
     * execution's {@link SpinSlot} (the last thread of a run wakes it for that), else parked.
     * Returns false when the step count has not moved for the run timeout while a thread holds the
     * baton.
     */
    private boolean awaitDriver() {
        Actor d = x.driverToken;
        int lastStep = -1;
        long since = System.nanoTime();
        long slice = Math.max(1_000_000L, timeoutNanos / 4);
        while (x.running != d) {
            if (x.spinSlot.spin(x, d)) {
                break;
            }
            d.parked = true;
            if (x.running != d) {
                LockSupport.parkNanos(this, slice);
            }
            d.parked = false;
            if (x.running == d) {
                break;
            }
            int s = x.run.steps();
            long now = System.nanoTime();
            if (s != lastStep) {
                lastStep = s;
                since = now;
            } else if (now - since >= timeoutNanos) {
                return false;
            }
        }
        return true;
    }

    /** Gives up on the thread holding the baton: it never touches this execution again. */
    private void abandonStuck() {
        Actor stuck = x.running;
        StackTraceElement[] stack = stuck.worker.getStackTrace();
        StringBuilder sb = new StringBuilder();
        sb.append(stuck.name)
                .append(" has not reached a scheduling point for ")
                .append(timeoutNanos / 1_000_000)
                .append(" ms");
        RunState r = x.run;
        int steps = r.steps();
        if (steps > 0) {
            // the run's last step, not numbered: the table does not number thread starts
            sb.append(" since the last step ('").append(r.labels[steps - 1]).append("')");
        }
        sb.append(
                ". It is blocked in I/O, on a lock or wait the explorer does not model, or spins"
                        + " without a scheduling point. Where it is now:");
        int shown = 0;
        for (StackTraceElement e : stack) {
            if (shown == 8) {
                sb.append("\n    ...");
                break;
            }
            sb.append("\n    at ").append(e);
            shown++;
        }
        r.record(RunStatus.STUCK, stuck.id, null, sb.toString());
        replace(stuck);
        x.running = x.driverToken;
    }

    private void replace(Actor gone) {
        gone.abandoned = true;
        gone.worker.interrupt();
        Actor fresh = new Actor(gone.id, x);
        fresh.name = gone.name;
        fresh.state = Actor.State.DONE;
        fresh.worker = WorkerPool.lease(fresh);
        x.slots[gone.id] = fresh;
    }

    /** Hands the baton to each paused thread in turn so it unwinds, one at a time. */
    private void unwind() {
        for (int i = 0, n = x.run.threadCount; i < n; i++) {
            Actor a = x.slots[i];
            if (a.state != Actor.State.RUNNABLE && a.state != Actor.State.BLOCKED) {
                continue;
            }
            x.running = a;
            LockSupport.unpark(a.worker);
            if (!awaitDriver()) {
                replace(x.running);
                x.running = x.driverToken;
            }
        }
    }

    /** Decisions taken in the last run. */
    public int steps() {
        return last().steps();
    }

    /** Preemptions in the last run's schedule. */
    public int preemptions() {
        return last().preemptions;
    }

    /**
     * Writes the steps of every following run also to {@code record}, as they are chosen, so that a
     * run that crashes the JVM leaves its schedule behind; null stops it.
     */
    public void record(FlightRecord record) {
        this.flight = record;
    }

    /** The steps of the last run that were preemptions, in order. */
    public int[] preemptionSteps() {
        RunState r = last();
        return r.preemptions == 0 ? new int[0] : Arrays.copyOf(r.preemptedAt, r.preemptions);
    }

    /** A hash of the last run's schedule; equal schedules have equal hashes. */
    public long scheduleHash() {
        return last().hash;
    }

    /** The last run's schedule: the thread chosen at each step. */
    public int[] schedule() {
        RunState r = last();
        return Arrays.copyOf(r.choices, r.steps());
    }

    /** The label of the operation performed at {@code step} of the last run. */
    public String labelAt(int step) {
        return last().labels[step];
    }

    /** The number of threads in the last run, spawned ones included. */
    public int threadCount() {
        return last().threadCount;
    }

    /** The name of thread {@code id} in the last run. */
    public String threadName(int id) {
        return x.slots[id].name;
    }

    /** What the last failing run threw (actor, invariant, check or leak), or null. */
    public Throwable failureCause() {
        return last().failureCause;
    }

    /** The id of the thread the failure belongs to, or -1 (final check, deadlock, leak). */
    public int failureThread() {
        return last().failureThread;
    }

    /** The runtime's own description of a deadlock or stuck thread, or null. */
    public String failureMessage() {
        return last().failureMessage;
    }

    /** The last run, or before the first one the run to come (nothing taken, nothing failed). */
    private RunState last() {
        return last != null ? last : x.run;
    }

    /**
     * Why the last run was not a repetition of the run before it although it made the same choices
     * (the first step whose thread or operation differs), or null. Non-null means the scenario is
     * not deterministic.
     */
    public String divergence() {
        return x.determinism.divergence();
    }

    /** The number of steps taken when the failure happened, or -1. */
    public int failureStep() {
        return last().failureStep;
    }

    /** Returns the workers to the pool; the last engine to close uninstalls the scheduling hook. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int i = 0; i < x.slotCount; i++) {
                Actor a = x.slots[i];
                if (a.abandoned) {
                    continue;
                }
                a.clear();
                a.detach = true;
                x.running = a;
                LockSupport.unpark(a.worker);
                if (!awaitDriver()) {
                    a.abandoned = true;
                    x.running = x.driverToken;
                }
            }
        } finally {
            ModelCalls.drive(outerDriven);
            CoreHook.engineClosed();
        }
    }
}
