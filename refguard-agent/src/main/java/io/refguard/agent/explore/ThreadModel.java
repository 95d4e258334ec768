package io.refguard.agent.explore;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;

/**
 * One thread of the program in one run: the program's {@code Thread} object, its name and id in the
 * run, and the runtime's thread that runs its body, which keeps its state: what it waits for and
 * until when, its interrupt status and park permit, whether it finished.
 *
 * <p>Only the thread holding the explorer's baton reads or writes these fields; passing the baton
 * is a volatile write and read, which orders every access.
 */
final class ThreadModel extends NamedKey {

    /** The program's thread object; {@code Thread.currentThread()} returns it on this actor. */
    final Thread thread;

    /** The runtime's thread running it, once started (or adopted); null before. */
    ActorHandle handle;

    /** The real thread running the body, once it runs. */
    Thread carrier;

    /**
     * What {@code getId()}/{@code threadId()} return for it: 1 for the first thread of the run (the
     * entry thread, as {@code main} is 1 in the JVM), then in the order the run first meets its
     * threads, so the same in every run of the same schedule.
     */
    long id;

    /** Whether {@code start()} was called (the runtime's thread may not run yet). */
    boolean started;

    /** Set when a signal picked it from a write lock's condition ({@link RealLockConditions}). */
    boolean signalled;

    /** Whether the JVM would not wait for it ({@code Coordinator.daemon}); set when started. */
    boolean daemon;

    /**
     * The wait of this thread that refguard ended early ({@code "sleep"}, {@code "join"}, {@code
     * "wait"}, {@code "park"}), when that wait returns nothing the program could test and the
     * thread has not looked at the clock or at another thread's state since; null otherwise. A
     * failure right after it is the program relying on timing, not a safety net ({@link
     * SafetyNets}).
     */
    String unseenTimeout;

    /** An interrupt before the start, which the runtime's thread takes over when it starts. */
    private boolean interruptedBeforeStart;

    /** What {@code ThreadLocalRandom} draws on this thread; see {@link #random()}. */
    private java.util.SplittableRandom random;

    ThreadModel(Thread thread, String name) {
        super(thread, name);
        this.thread = thread;
    }

    /**
     * This thread's random numbers, in place of {@code ThreadLocalRandom}'s, whose seed comes from
     * a JVM-wide sequence and the clock: seeded from the thread's {@link #id}, so they are the same
     * in every run of a schedule, and do not depend on how the other threads interleave.
     */
    java.util.SplittableRandom random() {
        if (random == null) {
            random = new java.util.SplittableRandom(0x5DEECE66DL + 0x9E3779B97F4A7C15L * id);
        }
        return random;
    }

    /** Binds the runtime's thread that runs this thread, when it starts. */
    void bind(ActorHandle h) {
        handle = h;
        if (h != null && interruptedBeforeStart) {
            Coordinator.interrupt(h, true);
        }
    }

    /** The interrupt status; may be read in a wake-up condition. */
    boolean interrupted() {
        return handle == null ? interruptedBeforeStart : Coordinator.isInterrupted(handle);
    }

    /** Sets or clears the interrupt status. */
    void interrupted(boolean on) {
        if (handle == null) {
            interruptedBeforeStart = on;
        } else {
            Coordinator.interrupt(handle, on);
        }
    }

    /** Whether its body has finished running. */
    boolean finished() {
        return handle != null && Coordinator.isFinished(handle);
    }
}
