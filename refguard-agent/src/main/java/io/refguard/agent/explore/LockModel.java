package io.refguard.agent.explore;

import java.util.ArrayDeque;

/**
 * The model of one object of the program in one run: its name in reports and, when it is used as a
 * monitor, a {@code ReentrantLock} or a {@code Condition}, its lock state and wait set.
 *
 * <p>The explorer's runtime holds a monitor or a {@code ReentrantLock} once, keyed by this model;
 * the recursion count and the wait set live here, because the runtime offers neither a hold query
 * nor an interruptible or timed wait. Invariant, at every scheduling point: {@code owner} is the
 * thread the runtime's lock for this key names (or null), and {@code holds > 0} exactly when {@code
 * owner != null}. For a {@code ReentrantLock} the real lock is held {@code holds} times by the
 * owner's real thread as well, so the lock's own queries ({@code isHeldByCurrentThread}, {@code
 * getHoldCount}) stay true.
 */
final class LockModel extends NamedKey {

    /** The thread holding it, or null. */
    ThreadModel owner;

    /** How many times {@code owner} entered it. */
    int holds;

    /** Threads in {@code wait()} (or {@code await()} for a condition), longest waiting first. */
    final ArrayDeque<ThreadModel> waiters = new ArrayDeque<>();

    /**
     * Operations that changed a JDK library object through the adapter: a thread blocked in a
     * modeled operation on it tries again when this changes ({@link BlockingModels}).
     */
    long version;

    /** Threads blocked taking from this queue in the model, for {@code TransferQueue}. */
    int takers;

    /** The model of a JDK object whose state the adapter keeps (a barrier, a rendezvous). */
    Object state;

    /** For a condition, the lock it belongs to; else null. */
    LockModel conditionOf;

    /** The label of a wait on this object ({@code wait on queue}), built on first use. */
    private String waitLabel;

    LockModel(Object object, String name) {
        super(object, name);
    }

    /**
     * {@code verb + " " + name}, built once per object and run: labels are never built per call.
     */
    String waitLabel(String verb) {
        String l = waitLabel;
        if (l == null) {
            l = verb + " " + name;
            waitLabel = l;
        }
        return l;
    }

    /** Wakes the longest waiter, or every waiter; returns whether anyone was waiting. */
    boolean wake(boolean all) {
        boolean any = false;
        ThreadModel w;
        while ((w = waiters.pollFirst()) != null) {
            w.notified = true;
            any = true;
            if (!all) {
                break;
            }
        }
        return any;
    }
}
