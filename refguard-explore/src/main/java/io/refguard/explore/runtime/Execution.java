package io.refguard.explore.runtime;

import io.refguard.hook.Access;
import io.refguard.hook.RunScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The scheduler of one exploration: actor slots, the baton, and the scheduling decision made at
 * every point. Driven run by run by {@link RunEngine}.
 *
 * <h2>Baton</h2>
 *
 * Exactly one thread runs at a time: the one that {@link #running} names (the driver thread is
 * represented by {@link #driverToken}). A holder passes the baton with a volatile write of {@code
 * running}, followed by an unpark only when the receiver is parked ({@link Actor#parked}, checked
 * after the write as the receiver checks {@code running} after setting it, so no wake-up is lost);
 * the receiver's volatile read of {@code running} therefore happens-after every write the previous
 * holder made, which is why no other field of the execution, of the actors or of the modeled locks
 * needs to be volatile. When the chooser keeps the current thread, the decision returns without any
 * write to {@code running} and without park or unpark. A waiting thread spins while it holds the
 * execution's {@link SpinSlot}, which goes to the thread most likely to be next, and otherwise
 * yields its core for up to {@link SpinSlot#YIELD_NANOS}, then parks: a hand-off to a spinner costs
 * a fraction of a microsecond, to a yielding thread an OS time slice, a wake-up from park tens.
 *
 * <h2>Decisions</h2>
 *
 * At each point the holder (1) runs the per-point observer (invariants), (2) computes the set of
 * enabled threads, evaluating blocking conditions while everyone else is paused and leaving out
 * spinning and yielding threads while another can run ({@link Fairness}), (3) detects deadlock
 * (none enabled, some alive), a livelock of spinning threads and the step bound, (4) asks the
 * {@link Chooser}. The search path allocates nothing: steps are recorded into reused arrays.
 *
 * <p>A decision costs time in the threads whose state may have changed, not in all threads of the
 * run. The threads that can run ({@link #runnable}, {@link #held}) are {@link ThreadSet}s (a bit
 * per thread and a summary bit per 64) kept from decision to decision; a decision classifies again
 * only the {@link #dirty} threads (the one that ran, threads started, woken by a write or no longer
 * held back) and the {@link #blocked} ones, whose wake-up conditions it evaluates. A thread blocked
 * on a lock, a wait set or a join, whose condition only the lock's release, a signal or the joined
 * thread's end can make true, is <em>dormant</em>: left out until that event puts it back ({@link
 * #rouse}). What still costs time per thread at every decision is a thread whose condition must be
 * evaluated ({@code blockUntil} and timed waits) and, while fair scheduling holds a thread back, a
 * pass over the threads that can run for the oldest of them.
 *
 * <p>Every step is also handed to the run's {@link DeterminismCheck}, which names the first step
 * that does not repeat an earlier run of the same schedule.
 *
 * <h2>State</h2>
 *
 * The execution keeps what lasts the whole exploration: the slots and their workers, the baton, the
 * determinism check and the scratch of the decision. Everything of one run (schedule, modeled locks
 * and wait sets, clock, fair scheduling, outcome) is in that run's {@link RunState}, which {@link
 * RunEngine} creates for the run and replaces when it ends; an actor slot resets its own per-run
 * fields ({@link Actor#reset}).
 */
final class Execution implements ChoicePoint {

    static final String START_LABEL = "start";

    final Thread driver;
    final Actor driverToken;

    /** Whether refguard's internal steps are scheduling points in this exploration. */
    final boolean internalPoints;

    /** How many of a thread's timed waits per run may time out at once ({@link Waits}). */
    int earlyTimeoutLimit = 1;

    /** Timed waits of every run so far that the limit kept from timing out at once. */
    long earlyTimeoutsHeldBack;

    /**
     * What the exploration's caller attached ({@link io.refguard.explore.Coordinator#withContext}),
     * or null.
     */
    final Object context;

    volatile Actor running;

    /** Which waiting thread may spin for the baton. */
    final SpinSlot spinSlot = new SpinSlot();

    Actor[] slots = new Actor[4];
    int slotCount;

    /**
     * The current run ({@link RunState}): replaced by {@link RunEngine} when a run ends, with the
     * state of the next one, so the next run's setup and the run itself share it. Written by the
     * driver while no actor runs; the baton's volatile write publishes it.
     */
    RunState run;

    /** Compares this run's steps with earlier runs of the same schedule. */
    final DeterminismCheck determinism = new DeterminismCheck(this);

    // The view offered to the chooser.
    private int current;
    private boolean currentEnabled;

    private boolean currentMayTimeOut;

    /**
     * The threads offered to the chooser at this decision: {@link #runnable}, or {@link #held} when
     * only held-back threads can run.
     */
    private ThreadSet enabled;

    /**
     * The threads that can run and are not held back, kept from decision to decision: a decision
     * classifies again only the threads in {@link #dirty} and {@link #blocked}.
     */
    private final ThreadSet runnable = new ThreadSet();

    /** The threads that can run but are held back by fair scheduling, kept the same way. */
    private final ThreadSet held = new ThreadSet();

    /**
     * Blocked threads that are not dormant: their wake-up conditions are evaluated at every
     * decision. A dormant thread waits for an event the runtime sees happen (a lock's release, a
     * signal, a thread's end) and is put back by it ({@link #rouse}).
     */
    private final ThreadSet blocked = new ThreadSet();

    /**
     * Threads whose state may have changed since the last decision: the thread that ran, threads
     * started, woken by another's write or no longer held back.
     */
    final ThreadSet dirty = new ThreadSet();

    /** Every live thread of the run except the dormant ones. */
    final ThreadSet watched = new ThreadSet();

    /**
     * Counts what may let another thread go on, or see the running thread's state in another order,
     * before the running thread's next scheduling point: every point, every release (an unlock, the
     * end of a modeled operation), every dormant thread roused and every thread started. Only the
     * baton holder changes it. A {@link #foldingPoint} folds an access into the thread's last step
     * only while it has not changed since that step's point.
     */
    long events;

    /**
     * At most this many accesses join the step of one {@link #foldingPoint} on a target while other
     * threads can run: a loop that spins on an array element without a scheduling point of its own
     * still reaches one, where fair scheduling sees it spin and lets the others run.
     */
    static final int FOLDS = 100_000;

    /**
     * At most this many reads join the step of a read of the same target: a loop that only re-reads
     * one location is how a spin looks, and fair scheduling sees it at its next point and lets the
     * writer run, so a spin on a plain flag costs a thousand reads per step, not {@link #FOLDS}.
     */
    static final int SPIN_FOLDS = 1_000;

    /**
     * At most this many accesses join one step while no other thread can run: a thread that loops
     * alone for good still makes points, and reaches {@code maxSteps}.
     */
    static final int LONE_FOLDS = 10_000;

    /**
     * After this many {@link #foldingPoint}s in a row with nothing between them, each on another
     * target than the one before (or a write after reads) and each at a site the row already
     * passed, the next one announces every target, so the rest of a loop over several arrays folds
     * into few steps. Only a repeated site counts, as only a loop repeats one: straight-line code
     * that touches many fields in a row (a library's method that updates a dozen fields) keeps a
     * point at each access, so another thread's access between any two of them is still tried. A
     * loop over one target keeps announcing it, so fair scheduling still sees a spin on it.
     */
    static final int WIDEN = 16;

    /**
     * The recent sites a row of folding points remembers to tell a loop's turns ({@link #WIDEN}).
     */
    static final int LOOP_SITES = 16;

    /** The enabled set of a decision at which a pinned thread can go on: that thread alone. */
    private final ThreadSet pinnedOnly = new ThreadSet();

    /**
     * The held-back threads whose turn it is when no other thread can run ({@link Fairness#turn}).
     */
    private final ThreadSet turn = new ThreadSet();

    /** Whether the current decision offers {@link #pinnedOnly} ({@link ChoicePoint#pinned()}). */
    private boolean pinnedDecision;

    /** The threads that read something since they last wrote or were woken ({@link Fairness}). */
    final ThreadSet readers = new ThreadSet();

    /** The threads by the target of their next operation; null until a strategy asks. */
    private TargetIndex targets;

    /** Threads of the run that finished their part. */
    private int finished;

    /** Daemon threads of the run that have not finished ({@link Actor#daemon}). */
    private int liveDaemons;

    /**
     * At this decision: a held-back thread spins ({@link Fairness#spinning}), and held-back threads
     * were left out of the enabled set (other threads could run).
     */
    private boolean spinnerHeld;

    private boolean spinnerLeftOut;

    Execution(Thread driver, boolean internalPoints, Object context) {
        this.driver = driver;
        this.internalPoints = internalPoints;
        this.context = context;
        this.driverToken = new Actor(-1, this);
        this.driverToken.rank = SpinSlot.DRIVER;
        this.running = driverToken;
        this.run = new RunState(this, 1, null);
        this.enabled = runnable;
    }

    /** Slot {@code i}, created with a leased worker the first time a run needs it. */
    Actor slot(int i) {
        if (i < slotCount) {
            return slots[i];
        }
        if (slots.length == slotCount) {
            slots = Arrays.copyOf(slots, slotCount * 2);
        }
        Actor a = new Actor(i, this);
        a.worker = WorkerPool.lease(a);
        slots[slotCount++] = a;
        return a;
    }

    // ---------------------------------------------------------------- worker side

    /**
     * The loop a worker runs for one exploration: wait for the baton, run the slot's body for that
     * run, repeat, until the engine detaches the slot.
     *
     * @return true when detached: the worker must return to the pool and then call {@link
     *     #handToDriver()}; false if it was abandoned and must exit without a word
     */
    boolean serve(Actor a) {
        while (true) {
            awaitBaton(a);
            if (a.abandoned) {
                return false;
            }
            if (a.detach) {
                // the worker acknowledges the detach only once it is back in the pool
                a.detach = false;
                return true;
            }
            runActor(a);
            if (a.abandoned) {
                return false;
            }
        }
    }

    private void runActor(Actor a) {
        a.state = Actor.State.RUNNABLE;
        if (targets != null) {
            targets.update(a); // started: its next operation is unknown until its first point
        }
        Thread self = Thread.currentThread();
        if (!self.getName().equals(a.name)) {
            // checker messages and stack traces name the thread: let them name the actor. A worker
            // serves the same slot run after run, so this renames once per exploration.
            self.setName(a.name);
        }
        Throwable thrown = null;
        try {
            RunScope sc = run.scope;
            a.binding = sc == null ? null : sc.bindCurrentThread();
            a.userCode = true;
            a.body.run();
        } catch (AbortSignal s) {
            // the run ended elsewhere; unwound
        } catch (Throwable t) {
            thrown = t;
        } finally {
            a.userCode = false;
            if (a.binding != null) {
                try {
                    a.binding.close();
                } catch (RuntimeException e) {
                    if (thrown == null) {
                        thrown = e;
                    }
                }
                a.binding = null;
            }
        }
        if (a.abandoned) {
            return;
        }
        if (run.order != null) {
            run.order.release(a, a); // joining it acquires
        }
        a.state = Actor.State.DONE;
        a.rank = SpinSlot.IDLE;
        finished++;
        if (a.daemon) {
            liveDaemons--;
        }
        watched.remove(a.id);
        rouseAll(a.joiners);
        RunState r = run;
        if (thrown != null && !r.aborting) {
            r.record(
                    a.passingEnd != null ? a.passingEnd : RunStatus.ACTOR_FAILED,
                    a.id,
                    thrown,
                    null);
        }
        if (r.aborting) {
            handToDriver();
            return;
        }
        if (r.tracer != null) {
            r.tracer.finished(a.id);
        }
        boolean endNear = SpinSlot.CAP > 0 && SpinSlot.spinningAllowed() && othersLive(a) <= 1;
        try {
            decide(a);
        } catch (AbortSignal s) {
            handToDriver();
            return;
        }
        if (endNear && running != driverToken) {
            // the run ends when the thread just chosen finishes: let the driver wake up (off the
            // path of that thread) so that it spins for the end in the slot this thread leaves
            wake(driverToken);
        }
    }

    /** The live threads of the run other than {@code me}, which has finished, counted up to 2. */
    private int othersLive(Actor me) {
        return Math.min(2, run.threadCount - finished);
    }

    /**
     * Starts the bookkeeping of a run of {@code threads} threads: all of them watched and to be
     * classified, none dormant, none finished, none reading. Called by the driver before the first
     * decision.
     */
    void startRun(int threads) {
        watched.clear();
        readers.clear();
        runnable.clear();
        held.clear();
        blocked.clear();
        dirty.clear();
        enabled = runnable;
        for (int i = 0; i < threads; i++) {
            watched.add(i);
            dirty.add(i);
        }
        finished = 0;
        liveDaemons = 0;
        if (targets != null) {
            targets.clear();
        }
    }

    /** The lowest thread from {@code from} on that a decision must classify again, or -1. */
    private int nextToClassify(int from) {
        int d = dirty.next(from);
        int b = blocked.next(from);
        return d < 0 ? b : b < 0 ? d : Math.min(d, b);
    }

    /** A thread spawned during the run: watched from its start. */
    void spawned(Actor a) {
        events++;
        progressed();
        watched.add(a.id);
        dirty.add(a.id);
    }

    /**
     * Leaves blocked {@code a}, whose wake-up condition is false, out of the decisions until the
     * event that can make it true: the release of the lock it waits for, a signal, the end of the
     * thread it joins. Only for waits whose conditions change at those events alone and that have
     * no timeout.
     */
    private void sleep(Actor a) {
        if (a.state != Actor.State.BLOCKED || a.deadline != Long.MAX_VALUE) {
            return;
        }
        switch (a.block) {
            case LOCK -> a.lock.sleepers().add(a);
            case WAIT -> {
                if (a.notified) {
                    a.lock.sleepers().add(a); // waits for the lock only
                } // else the signal rouses it
            }
            case JOIN -> a.joinTarget.joiners().add(a);
            default -> {
                return; // a condition only evaluating it can tell: evaluated at every decision
            }
        }
        a.dormant = true;
        watched.remove(a.id);
        blocked.remove(a.id);
    }

    /**
     * The running thread started a thread or woke one: whatever it does next, its steps so far were
     * no wait for others, so its burst ({@link Fairness#BURST_STEPS}) starts again.
     */
    private void progressed() {
        Actor r = running;
        if (r != null) {
            r.burst = 0;
        }
    }

    /** Marks live thread {@code a} as a daemon ({@link Actor#daemon}). */
    void daemon(Actor a) {
        if (!a.daemon && a.live()) {
            a.daemon = true;
            liveDaemons++;
        }
    }

    /** Puts dormant {@code a} back among the threads the decisions look at. */
    void rouse(Actor a) {
        if (a.dormant) {
            events++;
            progressed();
            a.dormant = false;
            watched.add(a.id);
            blocked.add(a.id);
        }
    }

    /** Rouses every thread in {@code sleepers} and empties it. */
    void rouseAll(ArrayList<Actor> sleepers) {
        if (sleepers == null) {
            return;
        }
        for (int i = 0, n = sleepers.size(); i < n; i++) {
            rouse(sleepers.get(i));
        }
        sleepers.clear();
    }

    /** The lock {@code l} was just released: its dormant waiters may take it. */
    void released(ModelLock l) {
        rouseAll(l.sleepers);
    }

    void handToDriver() {
        running = driverToken;
        wake(driverToken);
    }

    /** Unparks {@code a}'s thread if it is parked waiting for the baton. */
    void wake(Actor a) {
        if (a.parked) {
            LockSupport.unpark(a == driverToken ? driver : a.worker);
        }
    }

    /**
     * Waits until {@code me} holds the baton (or is abandoned): spins while it holds the {@link
     * SpinSlot}, else yields for a moment ({@link SpinSlot#yieldFor}), then parks, marked {@link
     * Actor#parked} so that the passer unparks it.
     */
    void awaitBaton(Actor me) {
        while (running != me && !me.abandoned) {
            if (spinSlot.spin(this, me) || SpinSlot.yieldFor(this, me)) {
                return;
            }
            me.parked = true;
            if (running != me && !me.abandoned) {
                LockSupport.park(this);
            }
            me.parked = false;
        }
    }

    // ---------------------------------------------------------------- scheduling points

    /** A scheduling point in actor {@code me}: announce the operation, then decide. */
    void point(Actor me, Object target, Access access, String label) {
        point(me, target, access, label, true);
    }

    /**
     * A scheduling point in actor {@code me}; with {@code orders} false its operation orders
     * nothing in the run's happens-before order (an access whose races are being checked).
     */
    void point(Actor me, Object target, Access access, String label, boolean orders) {
        if (me.abandoned || run.aborting) {
            throw AbortSignal.INSTANCE;
        }
        events++;
        me.pendingTarget = target;
        me.pendingAccess = access;
        me.pendingLabel = label;
        if (targets != null) {
            targets.update(me);
        }
        Tracer tracer = run.tracer;
        if (tracer != null) {
            me.pendingLocation = SourceLocator.locate();
            tracer.announced(me.id);
        }
        HappensBefore order = run.order;
        if (order != null && orders) {
            order.arrived(me, target);
        }
        decide(me);
        order = run.order; // a mark taken while others ran may have started it
        if (order != null && orders) {
            order.chosen(me, target);
        }
    }

    /**
     * A scheduling point in actor {@code me} before an access that threads tend to repeat (an array
     * element's), unless the access can join {@code me}'s last step; returns whether it was a
     * point.
     *
     * <p>An access joins the step of {@code me}'s last point when that point was one of these,
     * nothing has happened since but {@code me}'s own step ({@link #events} unchanged: no other
     * point, release, wake-up or start), and the step's announced target and access already
     * describe the access, so the reductions, which know a step by its point, stay sound:
     *
     * <ul>
     *   <li>the point was on the same target, with the same access or a write (whose step is
     *       dependent on whatever a read's step is dependent on), and fewer than {@link #FOLDS}
     *       accesses joined it ({@link #SPIN_FOLDS} for a read joining a read); or
     *   <li>the point announced every target ({@link Actor#foldAll}), and fewer than {@link #FOLDS}
     *       accesses joined it ({@link #LONE_FOLDS} while every other live thread is dormant).
     * </ul>
     *
     * A point announces every target when every other live thread of the run is dormant ({@link
     * #watched} holds {@code me} alone): each waits for a lock's release, a signal or a thread's
     * end, which only {@code me} can bring about and {@link #events} counts, so no decision before
     * the next event could choose another thread, and nothing is lost when every access until then,
     * to any array, joins one step. It does so too after {@link #WIDEN} of these points in a row
     * with nothing between them that each began at another target: a loop over two arrays (a copy)
     * would otherwise make a point of every access. Such a point orders nothing in the run's
     * happens-before order, as plain accesses order nothing in the program, so a step over every
     * target does not make its thread look synchronized with everything before it.
     *
     * <p>What is lost is another thread's access between two accesses of one step while others can
     * run (a read of two elements that another thread writes in between), as when core folds a loop
     * of element reads of one buffer ({@code SchedulingHook.beforeUse}). A read followed by a write
     * of the same array, a write followed by a read, and accesses of two arrays, are two steps
     * (until a loop has made {@link #WIDEN} points), so a lost update ({@code a[i]++} in two
     * threads) is found, and so is a field used as scratch space by two threads ({@code current =
     * user; seen = current;}).
     */
    boolean foldingPoint(Actor me, Object target, Access access, String label) {
        if (foldedAccess(me)) {
            return false;
        }
        boolean quiet = me.foldMark == events; // nothing since me's last folding point
        // a read joins a read and a write a write; a read after a write begins a step of its own,
        // so another thread's write can come between a thread's write and its reading it back
        boolean covered =
                me.pendingTarget == target
                        && (access == Access.READ) == (me.pendingAccess == Access.READ);
        int cap = access == Access.READ && me.pendingAccess == Access.READ ? SPIN_FOLDS : FOLDS;
        if (quiet && covered && me.folds < cap) {
            me.folds++;
            return false;
        }
        if (!quiet) {
            me.foldPoints = 1;
            me.foldLabelCount = 0;
            me.foldLabelNext = 0;
            loopSite(me, label);
        } else if (!covered && loopSite(me, label)) {
            me.foldPoints++; // another target at a site passed before: a loop over several
        } // else a long loop's next step on the same target: it stays one, for fair scheduling
        boolean wide = watched.size() == 1 || me.foldPoints > WIDEN; // me alone is watched
        if (wide) {
            point(me, null, Access.WRITE, label, false);
        } else {
            point(me, target, access, label);
        }
        me.foldAll = wide;
        me.folds = 0;
        me.foldMark = events;
        return true;
    }

    /**
     * Whether {@code label} is one of the recent labels of {@code me}'s row of folding points (a
     * loop's turn); else remembers it, in place of the oldest when the ring is full.
     */
    private static boolean loopSite(Actor me, String label) {
        String[] labels = me.foldLabels;
        for (int i = 0; i < me.foldLabelCount; i++) {
            if (labels[i] == label) {
                return true;
            }
        }
        labels[me.foldLabelNext] = label;
        me.foldLabelNext = (me.foldLabelNext + 1) % labels.length;
        me.foldLabelCount = Math.min(me.foldLabelCount + 1, labels.length);
        return false;
    }

    /**
     * Whether an access by {@code me} joins its last step whatever it touches: that step's point
     * announced every target ({@link #foldingPoint}), nothing has happened since, and the step may
     * take more. Counts the access when it does.
     */
    boolean foldedAccess(Actor me) {
        if (me.abandoned || run.aborting) {
            throw AbortSignal.INSTANCE;
        }
        if (me.foldAll
                && me.foldMark == events
                && me.folds < (watched.size() == 1 ? LONE_FOLDS : FOLDS)) {
            me.folds++;
            return true;
        }
        return false;
    }

    /**
     * A yield in actor {@code me}: a scheduling point after which {@code me} is held back until
     * another thread writes what it read, or nothing else can run ({@link Fairness}).
     */
    void spinWait(Actor me, String label) {
        me.yieldRequested = true;
        point(me, null, Access.READ, label);
    }

    /**
     * Marks {@code me} blocked (its block fields already set) and runs others until it can go on.
     */
    /** Registers with a happens-before order just started every thread blocked on a condition. */
    void waitersTo(HappensBefore order) {
        for (int i = 0; i < run.threadCount; i++) {
            Actor a = slots[i];
            if (a.state == Actor.State.BLOCKED && a.block == Actor.Block.UNTIL) {
                order.waiting(a);
            }
        }
    }

    void block(Actor me, Actor.Block kind) {
        HappensBefore order = run.order;
        boolean until = order != null && kind == Actor.Block.UNTIL;
        if (until) {
            order.waiting(me);
        }
        me.state = Actor.State.BLOCKED;
        me.block = kind;
        me.waitedSinceEarlyTimeout = me.earlyTimeoutStep >= 0;
        me.forgetReads(); // waiting in the model is not spinning
        Tracer tracer = run.tracer;
        if (tracer != null) {
            tracer.blocked(me.id, Waits.describe(this, me));
        }
        try {
            decide(me);
        } finally {
            if (run.order != null) {
                run.order.notWaiting(me); // also when the order started while it waited
            }
            me.state = Actor.State.RUNNABLE;
            me.block = Actor.Block.NONE;
            me.forgetReads();
        }
    }

    /**
     * The decision at a point, run by the baton holder {@code me} (null: the driver at step 0).
     * Returns when {@code me} holds the baton again; throws {@link AbortSignal} when the run ends
     * early.
     */
    void decide(Actor me) {
        boolean wasUser = me != null && me.userCode;
        if (me != null) {
            me.userCode = false; // runtime and observer code below must not re-enter the scheduler
        }
        try {
            decideInRuntime(me);
        } finally {
            if (me != null) {
                me.userCode = wasUser;
            }
        }
    }

    private void decideInRuntime(Actor me) {
        RunState r = run;
        Runnable observer = r.observer;
        if (observer != null) {
            try {
                observer.run();
            } catch (AbortSignal s) {
                throw s;
            } catch (Throwable t) {
                fail(RunStatus.INVARIANT_FAILED, me == null ? -1 : me.id, t, null);
            }
        }
        int s = r.steps();
        Fairness fairness = r.fairness;
        fairness.settle(me, s);
        int n = r.threadCount;
        if (me != null) {
            dirty.add(me.id); // it ran: it may have blocked, finished or been held back
        }
        for (int i = nextToClassify(0); i >= 0; i = nextToClassify(i + 1)) {
            Actor a = slots[i];
            if (!a.live()) {
                runnable.remove(i);
                held.remove(i);
                blocked.remove(i);
                watched.remove(i);
                continue;
            }
            if (a.state == Actor.State.BLOCKED) {
                blocked.add(i);
                boolean can;
                try {
                    can = a.canProceed();
                } catch (RuntimeException | Error e) {
                    fail(RunStatus.ACTOR_FAILED, a.id, e, null);
                    return;
                }
                if (!can) {
                    runnable.remove(i);
                    held.remove(i);
                    sleep(a);
                    continue;
                }
            } else {
                blocked.remove(i);
            }
            if (a.heldBack) {
                held.add(i);
                runnable.remove(i);
            } else {
                runnable.add(i);
                held.remove(i);
            }
        }
        dirty.clear();
        if (me != null
                && me.pinned == 0
                && me.burst >= Fairness.BURST_STEPS
                && runnable.contains(me.id)
                && runnable.size() > 1) {
            // a long run of one thread while others could go on: let them (Fairness.BURST_STEPS)
            me.burst = 0;
            me.heldBack = true;
            me.heldAt = s;
            runnable.remove(me.id);
            held.add(me.id);
        }
        spinnerHeld = false;
        spinnerLeftOut = false;
        enabled = runnable;
        if (held.isEmpty()) {
            fairness.progressing();
        } else {
            for (int i = held.next(0); i >= 0; i = held.next(i + 1)) {
                spinnerHeld |= Fairness.spinning(slots[i]);
            }
            if (runnable.isEmpty()) {
                // only spinning or yielding threads can run: they all may (nothing else can)
                if (fairness.stalled(s)) {
                    fail(RunStatus.LIVELOCK, -1, null, fairness.describeLivelock());
                }
                enabled = fairness.turn(held, s, turn);
            } else {
                fairness.progressing();
                int oldestLastStep = Integer.MAX_VALUE; // over the threads that can run, not held
                for (int i = runnable.next(0); i >= 0; i = runnable.next(i + 1)) {
                    oldestLastStep = Math.min(oldestLastStep, slots[i].lastStep);
                }
                releaseServed(oldestLastStep);
                spinnerLeftOut = spinnerHeld;
            }
        }
        pinnedDecision = false;
        if (me != null
                && me.pinned > 0
                && (runnable.contains(me.id) || held.contains(me.id))
                && !(enabled.size() == 1 && enabled.contains(me.id))) {
            // a pinned thread that can go on is the only choice (Coordinator.pin)
            pinnedOnly.clear();
            pinnedOnly.add(me.id);
            enabled = pinnedOnly;
            pinnedDecision = true;
        }
        if (n > finished && liveDaemons == n - finished) {
            // only daemons are left: the JVM exits now, so the run is complete
            r.endedWithDaemons = true;
            r.aborting = true;
            handToDriver();
            return;
        }
        if (enabled.isEmpty()) {
            if (n > finished) {
                fail(RunStatus.DEADLOCK, -1, null, Waits.describeDeadlock(this));
            }
            handToDriver(); // every thread finished: the run is complete
            return;
        }
        if (s >= r.maxSteps) {
            fail(RunStatus.LIVELOCK, me == null ? -1 : me.id, null, null);
        }
        current = me == null ? -1 : me.id;
        currentMayTimeOut = me != null && me.timeoutChoice && isEnabled(me.id);
        // a thread at the point of a wait that it may end early waits unless chosen: switching
        // from it is no preemption
        currentEnabled = me != null && isEnabled(me.id) && !currentMayTimeOut;
        int c = r.chooser.choose(this);
        if (c == Chooser.PRUNE) {
            r.status = RunStatus.PRUNED;
            r.aborting = true;
            throw AbortSignal.INSTANCE;
        }
        if (c < 0 || c >= n || !isEnabled(c)) {
            throw new IllegalStateException(
                    "[refguard explorer internal bug] the strategy chose"
                            + " thread "
                            + c
                            + ", which is not enabled at step "
                            + s);
        }
        Actor next = slots[c];
        recordStep(r, s, c, next);
        fairness.chosen(next, s);
        if (next == me) {
            return;
        }
        running = next;
        wake(next);
        if (me != null && me.live()) {
            awaitBaton(me);
            if (me.abandoned || run.aborting) {
                throw AbortSignal.INSTANCE;
            }
        }
    }

    /**
     * Releases the held-back threads that every other runnable thread has stepped past since they
     * were held back (the priority rule of fair stateless model checking), adding them to the
     * enabled set.
     */
    private void releaseServed(int oldestLastStep) {
        for (int i = held.next(0); i >= 0; i = held.next(i + 1)) {
            Actor a = slots[i];
            if (oldestLastStep >= a.heldAt) {
                a.heldBack = false;
                held.remove(i);
                runnable.add(i);
            }
        }
    }

    private void recordStep(RunState r, int s, int c, Actor next) {
        boolean preempt = currentEnabled && c != current;
        if (preempt) {
            r.preempted(s);
        }
        // the check compares the first 64 threads' enabled bits exactly, later threads only by
        // their operations; -1 stands for "only threads past the first 64 can run", 0 for a
        // pinned decision, whose set is not compared
        long first = enabled.firstWord();
        determinism.step(s, c, pinnedDecision ? 0 : first != 0 ? first : -1L, next);
        r.recordStep(s, c, next.pendingLabel);
        Tracer tracer = r.tracer;
        if (tracer != null) {
            tracer.step(
                    s,
                    c,
                    next.pendingLabel,
                    next.pendingAccess,
                    r.namer().name(next.pendingTarget),
                    next.pendingLocation,
                    preempt);
        }
    }

    /** Records the first failure of the run and unwinds the calling thread. */
    void fail(RunStatus kind, int thread, Throwable cause, String message) {
        record(kind, thread, cause, message);
        throw AbortSignal.INSTANCE;
    }

    void record(RunStatus kind, int thread, Throwable cause, String message) {
        run.record(kind, thread, cause, message);
    }

    // ---------------------------------------------------------------- ChoicePoint

    @Override
    public int step() {
        return run.steps();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public boolean pinned() {
        return pinnedDecision;
    }

    @Override
    public boolean currentEnabled() {
        return currentEnabled;
    }

    @Override
    public boolean currentMayTimeOut() {
        return currentMayTimeOut;
    }

    @Override
    public boolean isEnabled(int id) {
        return id >= 0 && id < run.threadCount && enabled.contains(id);
    }

    @Override
    public int nextEnabled(int from) {
        int id = enabled.next(from);
        return id < run.threadCount ? id : -1;
    }

    @Override
    public long enabledWord(int w) {
        return w < 0 ? 0 : enabled.word(w);
    }

    @Override
    public int nthEnabled(int k) {
        return enabled.nth(k);
    }

    @Override
    public int nextDependent(int c, int from) {
        Actor a = slots[c];
        if (a.state == Actor.State.NEW) {
            return -1; // a thread's start commutes with every step
        }
        if (targets == null) {
            // kept from now on: index the started threads of this run once
            targets = new TargetIndex();
            for (int i = 0, n = run.threadCount; i < n; i++) {
                if (slots[i].state != Actor.State.NEW) {
                    targets.update(slots[i]);
                }
            }
        }
        return targets.nextDependent(a, from, slots);
    }

    @Override
    public boolean spinnerHeldBack() {
        return spinnerLeftOut;
    }

    public int enabledCount() {
        return enabled.size();
    }

    @Override
    public int threadCount() {
        return run.threadCount;
    }

    @Override
    public boolean isLive(int id) {
        return id >= 0 && id < run.threadCount && slots[id].live();
    }

    @Override
    public Object pendingTarget(int id) {
        return slots[id].pendingTarget;
    }

    @Override
    public Access pendingAccess(int id) {
        return slots[id].pendingAccess;
    }

    @Override
    public boolean pendingStart(int id) {
        return slots[id].state == Actor.State.NEW;
    }

    @Override
    public boolean observed() {
        return run.observer != null;
    }

    @Override
    public String threadName(int id) {
        return slots[id].name;
    }

    @Override
    public String pendingLabel(int id) {
        return slots[id].pendingLabel;
    }
}
