package io.refguard.agent.explore;

import io.refguard.explore.runtime.ActorHandle;
import java.util.function.BooleanSupplier;

/**
 * One thread of the program in one run: the program's {@code Thread} object, the explorer actor
 * that runs its body, and the thread state the runtime does not model (interrupt status, park
 * permit) together with what the thread waits for, so that {@link RunModel#othersCanRun} can tell
 * whether a timed wait may time out.
 *
 * <p>Only the thread holding the explorer's baton reads or writes these fields; passing the baton
 * is a volatile write and read, which orders every access.
 */
final class ThreadModel extends NamedKey {

    /** The program's thread object; {@code Thread.currentThread()} returns it on this actor. */
    final Thread thread;

    /** The actor running it; null for the exploration's entry actor, which nobody joins. */
    ActorHandle handle;

    /** The real thread running the body, once it runs. */
    Thread carrier;

    /**
     * What {@code getId()}/{@code threadId()} return for it: 1 for the first thread of the run (the
     * entry thread, as {@code main} is 1 in the JVM), then in the order the run first meets its
     * threads, so the same in every run of the same schedule.
     */
    long id;

    boolean started;
    boolean finished;
    boolean interrupted;

    /** The {@code LockSupport} permit. */
    boolean permit;

    /** Timed waits of this run that timed out early ({@link TimeoutMode#EARLY}). */
    int earlyTimeouts;

    /**
     * While the thread is in a timed wait: when it times out, on the run's virtual clock; else
     * {@code Long.MAX_VALUE}.
     */
    long deadline = Long.MAX_VALUE;

    /** Set when a {@code notify}/{@code signal} picked this thread from a wait set. */
    boolean notified;

    /**
     * While the thread is blocked (or about to block) in one of the adapter's waits: what wakes it,
     * without its timeout. Null otherwise.
     */
    BooleanSupplier wakeUp;

    /** The lock the thread is acquiring through the runtime, or null. */
    LockModel acquiring;

    /** The thread it joins through the runtime, or null. */
    ThreadModel joining;

    ThreadModel(Thread thread, String name) {
        super(thread, name);
        this.thread = thread;
    }

    /**
     * Whether this thread could make progress ignoring any timeout of its own: not waiting, or
     * waiting for something that has happened. A thread blocked inside a runtime operation the
     * adapter does not track counts as able to go on, which only delays timeouts.
     */
    boolean canGoOn() {
        if (finished) {
            return false;
        }
        if (acquiring != null) {
            return acquiring.owner == null || acquiring.owner == this;
        }
        if (joining != null) {
            return joining.finished;
        }
        if (wakeUp != null) {
            return wakeUp.getAsBoolean();
        }
        return true;
    }
}
