package io.refguard.agent.explore;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The order in which the JDK's queued synchronizers serve the threads waiting for them, where that
 * order decides who may go on: a thread that waits in the model is not in the JDK's own queue, so
 * without this the rules below never applied, and the deadlocks they make were verified.
 *
 * <ul>
 *   <li>{@code ReentrantReadWriteLock}, non-fair: a reader that holds none of the lock waits while
 *       the first thread in the queue waits for the write lock (the JDK's guard against starving
 *       writers). So a thread that holds the read lock and waits for another thread that wants it
 *       too deadlocks once a writer queues between them.
 *   <li>{@code ReentrantReadWriteLock}, fair, and a fair {@code Semaphore}: a thread waits while
 *       another thread queued before it. So a fair semaphore's free permit is not given to a later
 *       thread while an earlier one waits for more than is free.
 *   <li>A fair {@code ReentrantLock}: a thread waits until the threads queued before it have had
 *       the lock, so the longest waiter gets it next, and the thread that just unlocked it and
 *       locks it again queues behind them ({@link LockOps}).
 *   <li>{@code ArrayBlockingQueue}, {@code LinkedBlockingQueue} and {@code Deque}, {@code
 *       PriorityBlockingQueue}, fair or not: their blocked takers wait on one condition of the
 *       queue's lock, and so do their blocked putters; each {@code signal} wakes the longest
 *       waiter, so a thread that blocked later does not take an element, or a place, before one
 *       that blocked earlier ({@link BlockingModels}). A thread that has not blocked may still come
 *       first: it tries the queue before it joins the line. A waiter whose turn came but found the
 *       element gone keeps its place, where the JDK's would wait again at the end.
 * </ul>
 *
 * Reentrant acquisitions are not held back (a reader that holds the read lock, or the write lock,
 * takes the read lock again), nor are the untimed {@code tryLock()} and {@code tryAcquire()}, which
 * the JDK lets barge in even on a fair lock. The read and write locks of one {@code
 * ReentrantReadWriteLock} share one queue; the lock they belong to is learned from the program's
 * calls of {@code readLock()} and {@code writeLock()} ({@link #learn}).
 */
final class QueueOrder {

    private QueueOrder() {}

    /** A thread in a queue, and whether it waits for exclusive access (a write lock). */
    private record Waiter(ThreadModel thread, boolean exclusive) {}

    /** The queue of each synchronizer: a read-write lock or a fair semaphore. */
    private final IdentityHashMap<Object, List<Waiter>> queues = new IdentityHashMap<>();

    /** The read-write lock each read and write lock belongs to. */
    private final IdentityHashMap<Object, ReentrantReadWriteLock> owners = new IdentityHashMap<>();

    /** The two lines of each blocking queue that has them: its blocked takers, its putters. */
    private final IdentityHashMap<Object, Object[]> lines = new IdentityHashMap<>();

    /**
     * The line of {@code queue}'s blocked takers, or null when the JDK does not serve them in order
     * ({@link #servesInOrder}).
     */
    static Object takersLine(RunModel run, Object queue) {
        return servesInOrder(queue) ? of(run).lines(queue)[0] : null;
    }

    /** The line of {@code queue}'s blocked putters, as {@link #takersLine}. */
    static Object puttersLine(RunModel run, Object queue) {
        return servesInOrder(queue) ? of(run).lines(queue)[1] : null;
    }

    private Object[] lines(Object queue) {
        return lines.computeIfAbsent(queue, k -> new Object[] {new Object(), new Object()});
    }

    /**
     * Whether {@code queue} is one of the JDK's blocking queues whose blocked takers (and putters)
     * wait on a condition of its lock, which signals the longest waiter: {@code
     * ArrayBlockingQueue}, {@code LinkedBlockingQueue} and {@code Deque}, {@code
     * PriorityBlockingQueue}.
     */
    private static boolean servesInOrder(Object queue) {
        Class<?> c = queue.getClass();
        return c == java.util.concurrent.ArrayBlockingQueue.class
                || c == java.util.concurrent.LinkedBlockingQueue.class
                || c == java.util.concurrent.LinkedBlockingDeque.class
                || c == java.util.concurrent.PriorityBlockingQueue.class;
    }

    static QueueOrder of(RunModel run) {
        QueueOrder q = run.queueOrder;
        if (q == null) {
            run.queueOrder = q = new QueueOrder();
        }
        return q;
    }

    /** Remembers which lock {@code rw.readLock()} and {@code rw.writeLock()} are part of. */
    static void learn(RunModel run, ReentrantReadWriteLock rw) {
        QueueOrder q = of(run);
        if (!q.owners.containsKey(rw.readLock())) {
            q.owners.put(rw.readLock(), rw);
            q.owners.put(rw.writeLock(), rw);
        }
    }

    /** The read-write lock {@code lock} is the read or write lock of, if learned; else null. */
    ReentrantReadWriteLock owner(Object lock) {
        return owners.get(lock);
    }

    /** Queues {@code me} for {@code sync}, behind every thread queued before. */
    void enqueue(Object sync, ThreadModel me, boolean exclusive) {
        queues.computeIfAbsent(sync, k -> new ArrayList<>()).add(new Waiter(me, exclusive));
    }

    /** Takes {@code me} out of {@code sync}'s queue: it acquired, timed out or was interrupted. */
    void dequeue(Object sync, ThreadModel me) {
        List<Waiter> q = queues.get(sync);
        if (q != null) {
            q.removeIf(w -> w.thread == me);
        }
    }

    /**
     * Whether {@code me} must go on waiting to take {@code lock}, the read or write lock of {@code
     * rw}, although the lock may be free: see the class comment.
     */
    boolean mustWait(ReentrantReadWriteLock rw, Object lock, ThreadModel me) {
        boolean reader = lock == rw.readLock();
        if (rw.isWriteLockedByCurrentThread() || reader && rw.getReadHoldCount() > 0) {
            return false; // reentrant
        }
        List<Waiter> q = queues.get(rw);
        if (q == null || q.isEmpty()) {
            return false;
        }
        if (rw.isFair()) {
            return ahead(q, me);
        }
        Waiter first = q.get(0);
        return reader && first.thread != me && first.exclusive;
    }

    /** Whether {@code me} must go on waiting for a fair {@code semaphore}'s permits. */
    boolean mustWait(Semaphore semaphore, ThreadModel me) {
        return semaphore.isFair() && behind(semaphore, me);
    }

    /** Whether another thread is queued for {@code sync} before {@code me}. */
    boolean behind(Object sync, ThreadModel me) {
        List<Waiter> q = queues.get(sync);
        return q != null && ahead(q, me);
    }

    /** Whether another thread is queued before {@code me} (before the end, when not queued). */
    private static boolean ahead(List<Waiter> q, ThreadModel me) {
        return !q.isEmpty() && q.get(0).thread != me;
    }
}
