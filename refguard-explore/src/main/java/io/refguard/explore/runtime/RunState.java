package io.refguard.explore.runtime;

import io.refguard.hook.RunScope;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.IdentityHashMap;

/**
 * Everything of one run of an {@link Execution}: its configuration, the schedule recorded so far,
 * the modeled locks, wait sets and started threads, the virtual clock, the identity-hash sequence,
 * fair scheduling's view of the last step, and the outcome. {@link RunEngine} creates one for each
 * run before that run's setup and keeps the finished one to answer for it until the next run ends;
 * nothing in it is ever reset, so no run can see what another left behind.
 *
 * <p>Written by the baton holder (or the driver before the first and after the last hand-off); the
 * volatile write of {@link Execution#running} that passes the baton publishes it, as it publishes
 * the actors' fields.
 */
final class RunState {

    private static final VarHandle STEP;

    static {
        try {
            STEP = MethodHandles.lookup().findVarHandle(RunState.class, "step", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The run's number in its exploration, from 1 ({@link Coordinator#runNumber}). */
    final long number;

    /** Holds back spinning and yielding threads ({@link Fairness}). */
    final Fairness fairness;

    // Configuration, set once by start().
    Chooser chooser;
    Runnable observer;
    Tracer tracer;
    int maxSteps;

    /** The run's leak scope, opened by its setup or at its start; null when core has none. */
    RunScope scope;

    /** The threads of the run so far, spawned ones included: slots {@code 0..threadCount-1}. */
    int threadCount;

    // The schedule. The driver reads the step count while the run is live (stuck detection).
    @SuppressWarnings("unused") // accessed through STEP
    private int step;

    int preemptions;

    /** The steps that were preemptions, the first {@link #preemptions} entries; made on use. */
    int[] preemptedAt;

    long hash;
    int[] choices;
    String[] labels;

    // Made on first use: a state is made for every run, and many runs use none of them.
    private IdentityHashMap<Object, ModelLock> locks;
    private IdentityHashMap<Object, ModelLock.WaitSet> waitSets;
    private IdentityHashMap<Thread, Actor> startedThreads;

    /**
     * The run's happens-before order, started by its first mark ({@link
     * ModelCalls#happensBeforeMark}); null while nothing asked.
     */
    HappensBefore order;

    /** Names objects in reports; made on first use, which only failures and traced runs reach. */
    private ObjectNamer namer;

    /**
     * The run's virtual clock, in nanoseconds from the start of the run: advanced by timeouts
     * ({@link Waits}) and by explored code reading it, never by real time.
     */
    long clockNanos;

    /** Identity hashes handed out in this run and its setup ({@link Coordinator#identityHash}). */
    private int identityHashes;

    // Outcome. Written by the baton holder that ends the run, read by the driver after it.
    boolean aborting;

    /**
     * The run ended because every thread but daemons finished, as the JVM exits then: the daemons
     * were unwound, and the run is complete, not failed.
     */
    boolean endedWithDaemons;

    RunStatus status = RunStatus.COMPLETED;
    Throwable failureCause;
    int failureThread = -1;
    String failureMessage;
    int failureStep = -1;

    /**
     * Run {@code number} of {@code x}; reuses the step arrays of {@code spent}, a run nobody reads
     * any more, or null.
     */
    RunState(Execution x, long number, RunState spent) {
        this.number = number;
        this.fairness = new Fairness(x, this);
        this.choices = spent == null ? new int[256] : spent.choices;
        this.labels = spent == null ? new String[256] : spent.labels;
    }

    /** Configures the run as its driver starts it, with its first {@code threads} threads. */
    void start(Chooser chooser, Runnable observer, Tracer tracer, int maxSteps, int threads) {
        this.chooser = chooser;
        this.observer = observer;
        this.tracer = tracer;
        this.maxSteps = maxSteps;
        this.threadCount = threads;
    }

    /** The run's modeled locks by their key. */
    IdentityHashMap<Object, ModelLock> locks() {
        if (locks == null) {
            locks = new IdentityHashMap<>();
        }
        return locks;
    }

    /** The run's wait sets by their condition. */
    IdentityHashMap<Object, ModelLock.WaitSet> waitSets() {
        if (waitSets == null) {
            waitSets = new IdentityHashMap<>();
        }
        return waitSets;
    }

    /** The user's {@code Thread} objects started in the run, with the actors that run them. */
    IdentityHashMap<Thread, Actor> startedThreads() {
        if (startedThreads == null) {
            startedThreads = new IdentityHashMap<>();
        }
        return startedThreads;
    }

    ObjectNamer namer() {
        if (namer == null) {
            namer = new ObjectNamer();
        }
        return namer;
    }

    /** Decisions taken so far. */
    int steps() {
        return (int) STEP.getOpaque(this);
    }

    /** How many of the steps from step {@code from} on were thread {@code thread}'s. */
    int stepsOf(int thread, int from) {
        int n = 0;
        for (int i = Math.max(0, from), end = steps(); i < end; i++) {
            if (choices[i] == thread) {
                n++;
            }
        }
        return n;
    }

    /** Records the choice of thread {@code c}, performing {@code label}, at step {@code s}. */
    /** Notes that step {@code s} is a preemption. */
    void preempted(int s) {
        if (preemptedAt == null) {
            preemptedAt = new int[8];
        } else if (preemptions == preemptedAt.length) {
            preemptedAt = java.util.Arrays.copyOf(preemptedAt, preemptions * 2);
        }
        preemptedAt[preemptions++] = s;
    }

    /** Where the steps also go, to outlive a crash of the JVM; null when nowhere. */
    FlightRecord flight;

    void recordStep(int s, int c, String label) {
        if (flight != null) {
            flight.step(s, c);
        }
        if (s == choices.length) {
            choices = java.util.Arrays.copyOf(choices, s * 2);
            labels = java.util.Arrays.copyOf(labels, s * 2);
        }
        choices[s] = c;
        labels[s] = label;
        hash = hash * 31 + c + 1;
        STEP.setOpaque(this, s + 1);
    }

    /**
     * The next identity hash of this run: a fixed sequence, scrambled (the finalizer of
     * MurmurHash3) so that hash tables spread the values as they spread real identity hashes;
     * positive and never 0, as the JVM's are.
     */
    int nextIdentityHash() {
        int h = ++identityHashes;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        h &= 0x7fffffff;
        return h == 0 ? 1 : h;
    }

    /** Records the first failure of the run; the run is over either way. */
    void record(RunStatus kind, int thread, Throwable cause, String message) {
        if (!status.isFailure()) {
            status = kind;
            failureThread = thread;
            failureCause = cause;
            failureMessage = message;
            failureStep = steps();
        }
        aborting = true;
    }
}
