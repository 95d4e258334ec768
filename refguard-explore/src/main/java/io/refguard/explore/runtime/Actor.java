package io.refguard.explore.runtime;

import io.refguard.explore.ActorHandle;
import io.refguard.hook.Access;
import io.refguard.hook.RunScope;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;

/**
 * One managed thread of one run: its slot in the execution, its scheduling state and the operation
 * it announced at its last scheduling point.
 *
 * <p>Slots are reused from run to run (slot {@code i} is always served by the same worker during
 * one exploration), so ids are stable when the scenario is deterministic. Every field is written
 * only by the thread that holds the baton; the volatile write of {@code Execution.running} that
 * passes the baton publishes them to the next holder.
 */
final class Actor implements ActorHandle {

    /** Scheduling state within one run. */
    enum State {
        NEW,
        RUNNABLE,
        BLOCKED,
        DONE
    }

    /** What a {@link State#BLOCKED} actor waits for. */
    enum Block {
        NONE,
        LOCK,
        WAIT,
        JOIN,
        UNTIL
    }

    final int id;
    final Execution exec;
    Worker worker;

    String name;
    Runnable body;
    State state;

    /** True while the actor runs its own code; false inside the runtime, so re-entry is plain. */
    boolean userCode;

    /** Set when a stuck worker is given up on: it must never touch the execution again. */
    volatile boolean abandoned;

    /** Set when the slot is released at the end of an exploration. */
    boolean detach;

    /**
     * How likely this thread is to receive the baton next while it waits ({@link SpinSlot}): set by
     * the driver when a run starts and by the thread when it finishes its part.
     */
    volatile int rank = SpinSlot.IN_RUN;

    /**
     * Set while the thread is parked (or about to) waiting for the baton: the passer unparks it.
     */
    volatile boolean parked;

    Block block = Block.NONE;
    ModelLock lock;
    Actor joinTarget;
    BooleanSupplier until;
    boolean notified;

    /**
     * While the actor is in a timed wait: when it times out, on the run's virtual clock ({@link
     * Waits}); else {@code Long.MAX_VALUE}.
     */
    long deadline = Long.MAX_VALUE;

    /**
     * Left out of the decisions while blocked on an event the runtime sees happen ({@link
     * Execution#rouse}).
     */
    boolean dormant;

    /** Dormant threads joining this one, roused when it finishes; made on first use. */
    ArrayList<Actor> joiners;

    /** Whether the {@link TargetIndex} holds this thread, and under which target. */
    boolean indexed;

    Object indexedTarget;

    /** The interrupt status ({@link ThreadStatus}). */
    boolean interrupted;

    /** The {@code LockSupport} permit ({@link ThreadStatus}). */
    boolean permit;

    /** Timed waits of this run that timed out early ({@link Execution#earlyTimeoutLimit}). */
    int earlyTimeouts;

    /** The run's step count when this thread's last early timeout fired, or -1: none yet. */
    int earlyTimeoutStep = -1;

    /**
     * Whether this thread went on with the others since its last early timeout: it blocked, waiting
     * for another thread, or a later timed wait of its ended in time ({@link Waits}, {@link
     * ModelCalls#waitedInTime}).
     */
    boolean waitedSinceEarlyTimeout;

    /**
     * Whether this thread waits at a timed wait's point where being chosen at once, before any
     * other thread moves, ends the wait early ({@link Waits}); set only for that one decision.
     */
    boolean timeoutChoice;

    /**
     * How the run ends when this thread ends with its exception, when that is no failure: {@link
     * RunStatus#SAFETY_NET} for an expired safety net, {@link RunStatus#EXITED} for the program's
     * {@code System.exit(0)}; null for a failure.
     */
    RunStatus passingEnd;

    Object pendingTarget;
    Access pendingAccess;
    String pendingLabel;
    String pendingLocation;

    /**
     * {@link Execution#events} right after this actor's last {@link Execution#foldingPoint} that
     * was a scheduling point, or -1: while the two are equal, nothing happened since that point but
     * this actor's own steps.
     */
    long foldMark = -1;

    /** Accesses folded into the step of this actor's last folding point. */
    int folds;

    /**
     * Whether the last folding point announced every target: every access joins its step until
     * {@link Execution#events} changes ({@link Execution#foldingPoint}).
     */
    boolean foldAll;

    /**
     * Folding points in a row with nothing between them whose labels (their sites) repeat one of
     * the row's earlier ones: the turns of a loop ({@link Execution#foldingPoint}).
     */
    int foldPoints;

    /** The labels of the row's recent folding points, a ring of {@link Execution#LOOP_SITES}. */
    final String[] foldLabels = new String[Execution.LOOP_SITES];

    /** How many of {@link #foldLabels} hold labels of the current row. */
    int foldLabelCount;

    /** Where the next new label goes in {@link #foldLabels}. */
    int foldLabelNext;

    RunScope.Binding binding;

    // Fair scheduling (see Fairness): what this actor read since it last wrote or was woken.
    final Object[] reads = new Object[Fairness.READS];
    final String[] readLabels = new String[Fairness.READS];
    int readCount;
    boolean readsOverflow;

    /** Re-reads of locations in {@link #reads} while none of them was written. */
    int stutters;

    /** Spinning or yielding: not offered to the strategy while another thread can run. */
    boolean heldBack;

    /** Set by a yield before its scheduling point; the decision holds the actor back. */
    boolean yieldRequested;

    /** The decision at which the actor was last held back. */
    int heldAt;

    /**
     * Whether the thread is a daemon ({@code Coordinator.daemon}): the run ends once every thread
     * that is not one has finished, as the JVM exits.
     */
    boolean daemon;

    /** The last step this actor took in the run, or -1. */
    int lastStep;

    /** Steps this actor took in a row, up to its last one ({@link Fairness#BURST_STEPS}). */
    int burst;

    /**
     * Above zero while the actor is pinned ({@code Coordinator.pin}): while it can go on, it is the
     * only thread that can be chosen.
     */
    int pinned;

    /**
     * The user's {@code Thread} whose body this actor runs, when started by {@code startThread}.
     */
    Thread threadObject;

    Actor(int id, Execution exec) {
        this.id = id;
        this.exec = exec;
    }

    /** Resets the slot for a new run. Runs on the driver before the baton is first passed. */
    void reset(String name, Runnable body) {
        this.name = name;
        this.body = body;
        daemon = false;
        state = State.NEW;
        rank = SpinSlot.IN_RUN;
        userCode = false;
        block = Block.NONE;
        lock = null;
        joinTarget = null;
        until = null;
        notified = false;
        dormant = false;
        indexed = false;
        indexedTarget = null;
        if (joiners != null) {
            joiners.clear();
        }
        deadline = Long.MAX_VALUE;
        earlyTimeouts = 0;
        earlyTimeoutStep = -1;
        waitedSinceEarlyTimeout = false;
        timeoutChoice = false;
        passingEnd = null;
        interrupted = false;
        permit = false;
        pendingTarget = null;
        pendingAccess = null;
        pendingLabel = Execution.START_LABEL;
        pendingLocation = null;
        foldMark = -1;
        folds = 0;
        foldAll = false;
        foldPoints = 0;
        foldLabelCount = 0;
        foldLabelNext = 0;
        binding = null;
        threadObject = null;
        forgetReads();
        yieldRequested = false;
        heldAt = 0;
        lastStep = -1;
        burst = 0;
        pinned = 0;
    }

    ArrayList<Actor> joiners() {
        if (joiners == null) {
            joiners = new ArrayList<>(2);
        }
        return joiners;
    }

    /** Progress: another thread wrote what this actor read, or it wrote or waited itself. */
    void forgetReads() {
        if (id >= 0) {
            exec.readers.remove(id);
            if (heldBack) {
                exec.dirty.add(id); // no longer held back: offered again
            }
        }
        for (int i = 0; i < readCount; i++) {
            reads[i] = null;
            readLabels[i] = null;
        }
        readCount = 0;
        readsOverflow = false;
        stutters = 0;
        heldBack = false;
    }

    /** Drops references to the last run's objects so they can be collected. */
    void clear() {
        body = null;
        lock = null;
        joinTarget = null;
        until = null;
        pendingTarget = null;
        indexedTarget = null;
        threadObject = null;
        forgetReads();
    }

    /** Whether the scheduler may run this actor now. Evaluated while every actor is paused. */
    boolean canProceed() {
        return canGoOn() || deadline != Long.MAX_VALUE && live() && Waits.mayTimeOut(this);
    }

    /**
     * Whether this actor could make progress ignoring any timeout of its own: not blocked, or
     * blocked on something that has happened.
     */
    boolean canGoOn() {
        return switch (state) {
            case NEW, RUNNABLE -> true;
            case DONE -> false;
            case BLOCKED ->
                    switch (block) {
                        case LOCK -> lock.owner == null || lock.owner == this;
                        case WAIT -> notified && lock.owner == null;
                        case JOIN -> joinTarget.state == State.DONE;
                        case UNTIL -> until.getAsBoolean();
                        case NONE -> true;
                    };
        };
    }

    boolean live() {
        return state != State.DONE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
