package example.jdk;

import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A thread that holds a lock shared with others waits for a second thread that wants the same lock,
 * while a third thread, which wants it exclusively, may queue between them. By the mode in the
 * first argument:
 *
 * <ul>
 *   <li>{@code reader}, {@code fairReader}: main holds a read lock and joins a counter that takes
 *       the read lock too; a writer may queue first, and a reader that holds nothing waits behind
 *       it: a deadlock (on the non-fair lock as on the fair one);
 *   <li>{@code reentrant}: main takes the read lock a second time itself: no deadlock, as the JDK
 *       lets a reader that holds the lock in;
 *   <li>{@code fairSemaphore}: main holds one of two permits of a fair semaphore, a thread may
 *       queue for both, and main joins a thread that wants one: a deadlock, as the free permit goes
 *       to no one while the first in the queue waits for two;
 *   <li>{@code semaphore}: the same on a non-fair semaphore: the later thread takes the free
 *       permit, no deadlock;
 *   <li>{@code fairTurns}, {@code turns}: main holds a lock while two threads queue for it, one
 *       after the other, then lets it go; the first must have it first. Correct on a fair {@code
 *       ReentrantLock}, which serves the longest waiter; on a non-fair one the second may overtake;
 *   <li>{@code fairRelock}, {@code relock}: main lets the lock go while a thread waits for it and
 *       locks it again at once, expecting the waiter to have had it: on a fair lock main queues
 *       behind the waiter; a non-fair one lets main barge in;
 *   <li>{@code takers}, {@code linkedTakers}: two threads block in {@code take()}, one after the
 *       other, on a fair {@code ArrayBlockingQueue} or a {@code LinkedBlockingQueue}; main puts one
 *       element and joins the first: the longest waiter gets the element, so no deadlock.
 * </ul>
 */
public final class QueuedBehind {

    private QueuedBehind() {}

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "reader" -> readers(new ReentrantReadWriteLock(), false);
            case "fairReader" -> readers(new ReentrantReadWriteLock(true), false);
            case "reentrant" -> readers(new ReentrantReadWriteLock(), true);
            case "fairSemaphore" -> permits(new Semaphore(2, true));
            case "fairTurns", "turns" -> turns(new ReentrantLock(args[0].equals("fairTurns")));
            case "fairRelock", "relock" -> relock(new ReentrantLock(args[0].equals("fairRelock")));
            case "takers" -> takers(new java.util.concurrent.ArrayBlockingQueue<>(1, true));
            case "linkedTakers" -> takers(new java.util.concurrent.LinkedBlockingQueue<>());
            default -> permits(new Semaphore(2));
        }
    }

    private static volatile boolean firstDone;

    private static void turns(ReentrantLock lock) throws InterruptedException {
        firstDone = false;
        lock.lock();
        Thread first =
                new Thread(
                        () -> {
                            lock.lock();
                            firstDone = true;
                            lock.unlock();
                        });
        Thread second =
                new Thread(
                        () -> {
                            lock.lock();
                            try {
                                if (!firstDone) {
                                    throw new AssertionError(
                                            "the second waiter overtook the first");
                                }
                            } finally {
                                lock.unlock();
                            }
                        });
        first.start();
        while (!lock.hasQueuedThread(first)) {
            Thread.onSpinWait();
        }
        second.start();
        while (!lock.hasQueuedThread(second)) {
            Thread.onSpinWait();
        }
        lock.unlock();
        first.join();
        second.join();
    }

    private static void takers(java.util.concurrent.BlockingQueue<Integer> queue)
            throws InterruptedException {
        Runnable take =
                () -> {
                    try {
                        queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
        Thread first = new Thread(take);
        Thread second = new Thread(take);
        first.start();
        while (first.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        second.start();
        while (second.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        queue.put(1);
        first.join(); // the longest waiter took it
        queue.put(2);
        second.join();
    }

    private static void relock(ReentrantLock lock) throws InterruptedException {
        firstDone = false;
        lock.lock();
        Thread waiter =
                new Thread(
                        () -> {
                            lock.lock();
                            firstDone = true;
                            lock.unlock();
                        });
        waiter.start();
        while (!lock.hasQueuedThread(waiter)) {
            Thread.onSpinWait();
        }
        lock.unlock();
        lock.lock();
        try {
            if (!firstDone) {
                throw new AssertionError("locked again ahead of the waiting thread");
            }
        } finally {
            lock.unlock();
        }
        waiter.join();
    }

    private static void readers(ReadWriteLock rw, boolean itself) throws InterruptedException {
        int[] entries = {1};
        Thread writer =
                new Thread(
                        () -> {
                            rw.writeLock().lock();
                            entries[0]++;
                            rw.writeLock().unlock();
                        });
        Runnable count =
                () -> {
                    rw.readLock().lock();
                    try {
                        if (entries[0] < 1) {
                            throw new AssertionError("no entries");
                        }
                    } finally {
                        rw.readLock().unlock();
                    }
                };
        rw.readLock().lock();
        try {
            writer.start();
            if (itself) {
                count.run();
            } else {
                Thread counter = new Thread(count);
                counter.start();
                counter.join();
            }
        } finally {
            rw.readLock().unlock();
        }
        writer.join();
    }

    private static void permits(Semaphore s) throws InterruptedException {
        s.acquireUninterruptibly();
        Thread big =
                new Thread(
                        () -> {
                            s.acquireUninterruptibly(2);
                            s.release(2);
                        });
        Thread small =
                new Thread(
                        () -> {
                            s.acquireUninterruptibly();
                            s.release();
                        });
        big.start();
        small.start();
        small.join();
        s.release();
        big.join();
    }
}
