package example.jdk;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programs with their own subclasses of {@code java.util.concurrent} classes, as the JDK's
 * documentation invites: a {@code Phaser} that ends itself in {@code onAdvance}, a {@code
 * FutureTask} that acts in {@code done}, a queue and a map that count in an override and call
 * {@code super}.
 */
public final class JdkSubclasses {

    private JdkSubclasses() {}

    /** A phaser that terminates after {@code rounds} phases. */
    static final class Rounds extends Phaser {
        private final int rounds;

        Rounds(int parties, int rounds) {
            super(parties);
            this.rounds = rounds;
        }

        @Override
        protected boolean onAdvance(int phase, int registeredParties) {
            return phase + 1 >= rounds || registeredParties == 0;
        }
    }

    /** Two parties run rounds until the phaser ends itself: each runs exactly three. */
    public static final class PhasedRounds {
        public static void main(String[] args) throws InterruptedException {
            Rounds phaser = new Rounds(2, 3);
            AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger()};
            Thread[] parties = new Thread[2];
            for (int i = 0; i < 2; i++) {
                AtomicInteger mine = counts[i];
                parties[i] =
                        new Thread(
                                () -> {
                                    while (!phaser.isTerminated()) {
                                        mine.incrementAndGet();
                                        phaser.arriveAndAwaitAdvance();
                                    }
                                });
                parties[i].start();
            }
            for (Thread t : parties) {
                t.join();
            }
            if (counts[0].get() != 3 || counts[1].get() != 3) {
                throw new AssertionError("rounds " + counts[0] + " and " + counts[1]);
            }
        }
    }

    /**
     * Two parties add to a sum, reading it and then setting it, and arrive; the phaser checks the
     * sum when it advances. The additions race, so the check can see 1.
     */
    public static final class CheckedOnAdvance {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger sum = new AtomicInteger();
            Phaser phaser =
                    new Phaser(2) {
                        @Override
                        protected boolean onAdvance(int phase, int registeredParties) {
                            if (sum.get() != 2) {
                                throw new AssertionError("sum " + sum + " when the phase ended");
                            }
                            return true;
                        }
                    };
            Runnable party =
                    () -> {
                        sum.set(sum.get() + 1);
                        phaser.arriveAndAwaitAdvance();
                    };
            Thread a = new Thread(party);
            Thread b = new Thread(party);
            a.start();
            b.start();
            a.join();
            b.join();
        }
    }

    static volatile int doneCalls;

    /**
     * {@code get()} returns once the task's result is set, which the JDK does before it calls
     * {@code done()}: reading what {@code done()} did right after {@code get()} can come too early.
     */
    public static final class ReadAfterGet {
        public static void main(String[] args) throws Exception {
            doneCalls = 0;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            FutureTask<Integer> task =
                    new FutureTask<>(() -> 42) {
                        @Override
                        protected void done() {
                            doneCalls++;
                        }
                    };
            pool.execute(task);
            int value = task.get();
            int calls = doneCalls;
            pool.shutdown();
            if (value != 42 || calls != 1) {
                throw new AssertionError("done() ran " + calls + " times when get() returned");
            }
        }
    }

    /** A bounded queue that counts its puts in an override that calls {@code super.put}. */
    static final class CountingQueue<E> extends ArrayBlockingQueue<E> {
        final AtomicInteger puts = new AtomicInteger();

        CountingQueue(int capacity) {
            super(capacity);
        }

        @Override
        public void put(E e) throws InterruptedException {
            super.put(e);
            puts.incrementAndGet();
        }
    }

    /** A producer puts two items through a queue of one slot; the consumer takes both. */
    public static final class CountedHandOff {
        public static void main(String[] args) throws InterruptedException {
            CountingQueue<Integer> queue = new CountingQueue<>(1);
            Thread producer =
                    new Thread(
                            () -> {
                                try {
                                    queue.put(1);
                                    queue.put(2);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            producer.start();
            int got = queue.take() + queue.take();
            producer.join();
            if (got != 3 || queue.puts.get() != 2) {
                throw new AssertionError("took " + got + ", counted " + queue.puts + " puts");
            }
        }
    }

    /** A concurrent map that counts its writes by reading, then setting: the counts race. */
    static final class CountingMap<K, V> extends ConcurrentHashMap<K, V> {
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public V put(K key, V value) {
            writes.set(writes.get() + 1);
            return super.put(key, value);
        }
    }

    /** Two threads put different keys; the map's own count of writes loses one. */
    public static final class CountedWrites {
        public static void main(String[] args) throws InterruptedException {
            CountingMap<String, Integer> map = new CountingMap<>();
            Thread a = new Thread(() -> map.put("a", 1));
            Thread b = new Thread(() -> map.put("b", 2));
            a.start();
            b.start();
            a.join();
            b.join();
            if (map.writes.get() != 2 || map.size() != 2) {
                throw new AssertionError(map.writes + " writes counted for " + map);
            }
        }
    }

    /**
     * An executor of the program's own on {@code AbstractExecutorService}, whose {@code submit}
     * calls its {@code execute}: a worker thread taking from a queue of one slot. Its inherited
     * methods are the program's code, not a model of the JDK's.
     */
    static final class OneWorker extends AbstractExecutorService {
        private static final Runnable STOP = () -> {};
        private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(1);
        private volatile boolean down;
        private final Thread worker =
                new Thread(
                        () -> {
                            try {
                                for (Runnable r = queue.take(); r != STOP; r = queue.take()) {
                                    r.run();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });

        OneWorker() {
            worker.start();
        }

        @Override
        public void execute(Runnable task) {
            try {
                queue.put(task);
            } catch (InterruptedException e) {
                throw new RejectedExecutionException(e);
            }
        }

        @Override
        public void shutdown() {
            down = true;
            execute(STOP);
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown();
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return down;
        }

        @Override
        public boolean isTerminated() {
            return down && !worker.isAlive();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            worker.join(unit.toMillis(timeout));
            return !worker.isAlive();
        }
    }

    /**
     * Two tasks submitted to the program's own executor, through its class and through the JDK's
     * interface: the second waits for room.
     */
    public static final class OwnExecutor {
        public static void main(String[] args) throws Exception {
            OneWorker executor = new OneWorker();
            java.util.concurrent.ExecutorService asJdk = executor;
            Future<Integer> one = executor.submit(() -> 1);
            Future<Integer> two = asJdk.submit(() -> 2);
            int sum = one.get() + two.get();
            executor.shutdown();
            if (!executor.awaitTermination(1, TimeUnit.MINUTES) || sum != 3) {
                throw new AssertionError("sum " + sum);
            }
        }
    }
}
