package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Correct programs in which one thread fills a plain {@code ArrayList} and hands it to another
 * through one of the JDK's ways of ordering memory; the other thread then adds to it. None of them
 * races: each must pass, so that the check of unsynchronized use of collections never blames a
 * hand-over the JVM orders.
 */
public final class HandOffs {

    private HandOffs() {}

    static List<String> filled() {
        List<String> l = new ArrayList<>();
        l.add("first");
        return l;
    }

    static void check(List<String> l) {
        if (l.size() != 2) {
            throw new AssertionError("the list has " + l + ", expected 2 entries");
        }
    }

    /** Work a thread does that may block or throw. */
    interface Work {
        void run() throws Exception;
    }

    /** Starts a thread doing {@code work}; what it throws fails the thread. */
    static Thread inThread(Work work) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                work.run();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        t.start();
        return t;
    }

    /** Fills a list on another thread and takes it from {@code q}, then adds. */
    static void throughQueue(BlockingQueue<List<String>> q) throws InterruptedException {
        inThread(() -> q.put(filled()));
        List<String> l = q.take();
        l.add("second");
        check(l);
    }

    /** Through {@code Thread.start} and {@code join}. */
    public static final class StartJoin {
        public static void main(String[] args) throws Exception {
            List<String> l = filled();
            Thread t = new Thread(() -> l.add("second"));
            t.start();
            t.join();
            check(l);
        }
    }

    /** Through a latch: filled before {@code countDown}, used after {@code await}. */
    public static final class Latch {
        public static void main(String[] args) throws Exception {
            AtomicReference<List<String>> box = new AtomicReference<>();
            CountDownLatch ready = new CountDownLatch(1);
            Thread t =
                    new Thread(
                            () -> {
                                box.set(filled());
                                ready.countDown();
                            });
            t.start();
            ready.await();
            box.get().add("second");
            check(box.get());
        }
    }

    /** Through a {@code ConcurrentHashMap}: {@code put} after filling, {@code get} spinning. */
    public static final class MapPutGet {
        public static void main(String[] args) throws Exception {
            ConcurrentHashMap<String, List<String>> m = new ConcurrentHashMap<>();
            Thread t = new Thread(() -> m.put("k", filled()));
            t.start();
            List<String> l;
            while ((l = m.get("k")) == null) {
                Thread.onSpinWait();
            }
            l.add("second");
            check(l);
            t.join();
        }
    }

    /** Through a blocking queue. */
    public static final class QueuePutTake {
        public static void main(String[] args) throws Exception {
            throughQueue(new ArrayBlockingQueue<>(1));
        }
    }

    /** Through a {@code SynchronousQueue}. */
    public static final class Synchronous {
        public static void main(String[] args) throws Exception {
            throughQueue(new SynchronousQueue<>());
        }
    }

    /** Through an {@code Exchanger}. */
    public static final class Exchange {
        public static void main(String[] args) throws Exception {
            Exchanger<List<String>> x = new Exchanger<>();
            inThread(() -> x.exchange(filled()));
            List<String> l = x.exchange(null);
            l.add("second");
            check(l);
        }
    }

    /** Through a {@code CompletableFuture} on the common pool, joined. */
    public static final class AsyncJoin {
        public static void main(String[] args) {
            List<String> l = CompletableFuture.supplyAsync(HandOffs::filled).join();
            l.add("second");
            check(l);
        }
    }

    /** Through a chain of stages: the second stage adds, the caller checks. */
    public static final class AsyncChain {
        public static void main(String[] args) {
            List<String> l =
                    CompletableFuture.supplyAsync(HandOffs::filled)
                            .thenApplyAsync(
                                    x -> {
                                        x.add("second");
                                        return x;
                                    })
                            .join();
            check(l);
        }
    }

    /** Through an executor's {@code Future.get}. */
    public static final class ExecutorGet {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<List<String>> f = pool.submit(HandOffs::filled);
            List<String> l = f.get();
            l.add("second");
            check(l);
            pool.shutdown();
        }
    }

    /** Through {@code Future.isDone} polled, then {@code get}. */
    public static final class ExecutorPoll {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<List<String>> f = pool.submit(HandOffs::filled);
            while (!f.isDone()) {
                Thread.onSpinWait();
            }
            List<String> l = f.get();
            l.add("second");
            check(l);
            pool.shutdown();
        }
    }

    /** The other way: the caller fills, a task submitted afterwards adds. */
    public static final class SubmitAfterFill {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            List<String> l = filled();
            pool.submit(() -> l.add("second")).get();
            check(l);
            pool.shutdown();
        }
    }

    /** Through a scheduled task's result. */
    public static final class Scheduled {
        public static void main(String[] args) throws Exception {
            ScheduledExecutorService pool = Executors.newScheduledThreadPool(1);
            List<String> l = pool.schedule(HandOffs::filled, 10, TimeUnit.MILLISECONDS).get();
            l.add("second");
            check(l);
            pool.shutdown();
        }
    }

    /** Through a fork/join task's {@code join}. */
    public static final class ForkJoin {
        static final class Fill extends RecursiveTask<List<String>> {
            @Override
            protected List<String> compute() {
                return filled();
            }
        }

        public static void main(String[] args) {
            List<String> l = ForkJoinPool.commonPool().invoke(new Fill());
            l.add("second");
            check(l);
        }
    }

    /**
     * Through a {@code synchronized} block on a shared lock object: whichever thread comes first
     * fills the list, the other adds to it.
     */
    public static final class Monitor {
        static List<String> box;

        static void fillOrAdd(Object lock) {
            synchronized (lock) {
                if (box == null) {
                    box = filled();
                } else {
                    box.add("second");
                }
            }
        }

        public static void main(String[] args) throws Exception {
            box = null;
            Object lock = new Object();
            Thread t = new Thread(() -> fillOrAdd(lock));
            t.start();
            fillOrAdd(lock);
            t.join();
            check(box);
        }
    }

    /** As {@link Monitor}, through a {@code ReentrantLock}. */
    public static final class Lock {
        static List<String> box;

        static void fillOrAdd(ReentrantLock lock) {
            lock.lock();
            try {
                if (box == null) {
                    box = filled();
                } else {
                    box.add("second");
                }
            } finally {
                lock.unlock();
            }
        }

        public static void main(String[] args) throws Exception {
            box = null;
            ReentrantLock lock = new ReentrantLock();
            Thread t = new Thread(() -> fillOrAdd(lock));
            t.start();
            fillOrAdd(lock);
            t.join();
            check(box);
        }
    }

    /**
     * Through a {@code StampedLock}: a read lock converted to the write lock, and a thread that
     * waits for the write lock while the other holds it. The waiter wakes when the lock changes
     * (the conversion, say) and takes it later, after the other's unlock: it must order after all
     * the other did under the lock, not only up to the change that woke it.
     */
    public static final class Stamped {
        static final java.util.Map<String, Integer> OPEN = new java.util.HashMap<>();
        static int opened;

        static Integer getOrOpen(java.util.concurrent.locks.StampedLock lock, String name) {
            long s = lock.readLock();
            try {
                Integer h = OPEN.get(name);
                if (h != null) {
                    return h;
                }
                long w = lock.tryConvertToWriteLock(s);
                if (w != 0L) {
                    s = w;
                } else {
                    lock.unlockRead(s);
                    s = lock.writeLock();
                    h = OPEN.get(name); // after the other's put under the write lock
                    if (h != null) {
                        return h;
                    }
                }
                h = ++opened;
                OPEN.put(name, h);
                return h;
            } finally {
                lock.unlock(s);
            }
        }

        public static void main(String[] args) throws Exception {
            OPEN.clear();
            opened = 0;
            java.util.concurrent.locks.StampedLock lock =
                    new java.util.concurrent.locks.StampedLock();
            Thread t = new Thread(() -> getOrOpen(lock, "segment"));
            t.start();
            getOrOpen(lock, "segment");
            t.join();
            if (opened != 1) {
                throw new AssertionError("opened " + opened + " times");
            }
        }
    }

    /**
     * Through a {@code synchronized} block polled in a loop with no yield: correct, if wasteful; a
     * fair search holds the polling thread back until the other one writes.
     */
    public static final class MonitorPoll {
        static List<String> box;

        public static void main(String[] args) throws Exception {
            box = null;
            Object lock = new Object();
            Thread t =
                    new Thread(
                            () -> {
                                synchronized (lock) {
                                    box = filled();
                                }
                            });
            t.start();
            List<String> l = null;
            while (l == null) {
                synchronized (lock) {
                    l = box;
                }
            }
            l.add("second");
            check(l);
        }
    }

    /** As {@link MonitorPoll}, through a {@code ReentrantLock}. */
    public static final class LockPoll {
        static List<String> box;

        public static void main(String[] args) throws Exception {
            box = null;
            ReentrantLock lock = new ReentrantLock();
            Thread t =
                    new Thread(
                            () -> {
                                lock.lock();
                                try {
                                    box = filled();
                                } finally {
                                    lock.unlock();
                                }
                            });
            t.start();
            List<String> l = null;
            while (l == null) {
                lock.lock();
                try {
                    l = box;
                } finally {
                    lock.unlock();
                }
            }
            l.add("second");
            check(l);
        }
    }

    /** Through {@code wait} and {@code notify}. */
    public static final class WaitNotify {
        static List<String> box;

        public static void main(String[] args) throws Exception {
            Object lock = new Object();
            Thread t =
                    new Thread(
                            () -> {
                                synchronized (lock) {
                                    box = filled();
                                    lock.notifyAll();
                                }
                            });
            t.start();
            List<String> l;
            synchronized (lock) {
                while (box == null) {
                    lock.wait();
                }
                l = box;
            }
            l.add("second");
            check(l);
        }
    }

    /** Through a volatile field read in a spin loop. */
    public static final class Volatile {
        static volatile List<String> box;

        public static void main(String[] args) throws Exception {
            Thread t = new Thread(() -> box = filled());
            t.start();
            List<String> l;
            while ((l = box) == null) {
                Thread.onSpinWait();
            }
            l.add("second");
            check(l);
        }
    }

    /** Through a semaphore released after filling. */
    public static final class Permit {
        @SuppressWarnings("unchecked")
        public static void main(String[] args) throws Exception {
            Semaphore done = new Semaphore(0);
            List<String>[] slot = new List[1];
            Thread t =
                    new Thread(
                            () -> {
                                slot[0] = filled();
                                done.release();
                            });
            t.start();
            done.acquire();
            slot[0].add("second");
            check(slot[0]);
        }
    }

    /** Through a barrier both threads reach after the first filled. */
    public static final class Barrier {
        @SuppressWarnings("unchecked")
        public static void main(String[] args) throws Exception {
            CyclicBarrier b = new CyclicBarrier(2);
            List<String>[] slot = new List[1];
            inThread(
                    () -> {
                        slot[0] = filled();
                        b.await();
                    });
            b.await();
            slot[0].add("second");
            check(slot[0]);
        }
    }

    /** Through {@code LockSupport.unpark} after filling; the permit may come first. */
    public static final class ParkUnpark {
        static volatile List<String> box;

        public static void main(String[] args) throws Exception {
            Thread main = Thread.currentThread();
            Thread t =
                    new Thread(
                            () -> {
                                box = filled();
                                LockSupport.unpark(main);
                            });
            t.start();
            while (box == null) {
                LockSupport.park();
            }
            box.add("second");
            check(box);
        }
    }

    /** Through an executor's {@code invokeAll}: each task fills a list, the caller adds. */
    public static final class InvokeAll {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<String>>> fs =
                    pool.invokeAll(
                            List.<java.util.concurrent.Callable<List<String>>>of(
                                    HandOffs::filled, HandOffs::filled));
            for (Future<List<String>> f : fs) {
                List<String> l = f.get();
                l.add("second");
                check(l);
            }
            pool.shutdown();
        }
    }

    /** Through {@code CompletableFuture.allOf}, then {@code getNow}. */
    public static final class AllOf {
        public static void main(String[] args) {
            CompletableFuture<List<String>> a = CompletableFuture.supplyAsync(HandOffs::filled);
            CompletableFuture<List<String>> b = CompletableFuture.supplyAsync(HandOffs::filled);
            CompletableFuture.allOf(a, b).join();
            for (List<String> l : List.of(a.getNow(null), b.getNow(null))) {
                l.add("second");
                check(l);
            }
        }
    }

    /** Through {@code thenCombine}: the combining function adds to both lists. */
    public static final class Combine {
        public static void main(String[] args) {
            List<List<String>> both =
                    CompletableFuture.supplyAsync(HandOffs::filled)
                            .thenCombine(
                                    CompletableFuture.supplyAsync(HandOffs::filled),
                                    (x, y) -> {
                                        x.add("second");
                                        y.add("second");
                                        return List.of(x, y);
                                    })
                            .join();
            both.forEach(HandOffs::check);
        }
    }

    /** Through a completion service's {@code take}. */
    public static final class Completion {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            java.util.concurrent.ExecutorCompletionService<List<String>> done =
                    new java.util.concurrent.ExecutorCompletionService<>(pool);
            done.submit(HandOffs::filled);
            List<String> l = done.take().get();
            l.add("second");
            check(l);
            pool.shutdown();
        }
    }

    /** Through a fork/join subtask's {@code join} inside its parent task. */
    public static final class Subtask {
        static final class Fill extends RecursiveTask<List<String>> {
            @Override
            protected List<String> compute() {
                return filled();
            }
        }

        static final class Parent extends RecursiveTask<List<String>> {
            @Override
            protected List<String> compute() {
                Fill f = new Fill();
                f.fork();
                List<String> l = f.join();
                l.add("second");
                return l;
            }
        }

        public static void main(String[] args) {
            check(ForkJoinPool.commonPool().invoke(new Parent()));
        }
    }

    /** Through a parallel stream: each piece fills a list, the caller adds to each. */
    public static final class ParallelCollect {
        public static void main(String[] args) {
            List<List<String>> lists =
                    java.util.stream.IntStream.range(0, 2)
                            .parallel()
                            .mapToObj(i -> filled())
                            .collect(java.util.stream.Collectors.toList());
            for (List<String> l : lists) {
                l.add("second");
                check(l);
            }
        }
    }

    /** Every hand-over of this class, for a test to go through. */
    public static final List<Class<?>> ALL =
            List.of(
                    StartJoin.class,
                    Latch.class,
                    MapPutGet.class,
                    QueuePutTake.class,
                    Synchronous.class,
                    Exchange.class,
                    AsyncJoin.class,
                    AsyncChain.class,
                    ExecutorGet.class,
                    ExecutorPoll.class,
                    SubmitAfterFill.class,
                    Scheduled.class,
                    ForkJoin.class,
                    Monitor.class,
                    Lock.class,
                    Stamped.class,
                    MonitorPoll.class,
                    LockPoll.class,
                    WaitNotify.class,
                    Volatile.class,
                    Permit.class,
                    Barrier.class,
                    ParkUnpark.class,
                    InvokeAll.class,
                    AllOf.class,
                    Combine.class,
                    Completion.class,
                    Subtask.class,
                    ParallelCollect.class);
}
