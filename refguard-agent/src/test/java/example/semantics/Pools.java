package example.semantics;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Plain programs using executors. */
public final class Pools {

    private Pools() {}

    /** A cached pool never shut down: its idle worker times out, so the program ends. */
    public static final class CachedIdle {
        private CachedIdle() {}

        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newCachedThreadPool();
            assert pool.submit(() -> 6 * 7).get() == 42;
        }
    }

    /** invokeAll on a fixed pool of two, three tasks. */
    public static final class InvokeAll {
        private InvokeAll() {}

        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
            int sum = 0;
            for (var f : pool.invokeAll(tasks)) {
                sum += f.get();
            }
            pool.shutdown();
            assert pool.awaitTermination(1, TimeUnit.SECONDS);
            assert sum == 6 : "sum " + sum;
        }
    }

    /**
     * A fixed pool of two given two tasks starts a worker for each, with the task as its first: the
     * second task never runs on the first worker, however fast that one finishes its own.
     */
    public static final class WorkerPerTaskBelowCore {
        private WorkerPerTaskBelowCore() {}

        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Thread[] ran = new Thread[2];
            var a = pool.submit(() -> ran[0] = Thread.currentThread());
            var b = pool.submit(() -> ran[1] = Thread.currentThread());
            a.get();
            b.get();
            pool.shutdown();
            assert ran[0] != ran[1] : "both tasks ran on " + ran[0].getName();
        }
    }

    /** A modeled pool behind the JDK's unconfigurable wrapper, which only delegates. */
    public static final class Unconfigurable {
        private Unconfigurable() {}

        public static void main(String[] args) throws Exception {
            ExecutorService pool =
                    Executors.unconfigurableExecutorService(Executors.newFixedThreadPool(1));
            int one = pool.submit(() -> 1).get();
            pool.shutdown();
            assert pool.awaitTermination(1, TimeUnit.SECONDS);
            assert one == 1;
        }
    }

    /** A fixed pool never shut down: its worker waits for tasks forever, like the real program. */
    public static final class FixedNeverShutDown {
        private FixedNeverShutDown() {}

        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(1);
            pool.submit(() -> Math.abs(1)).get();
        }
    }

    /**
     * A ThreadPoolExecutor and a ScheduledThreadPoolExecutor built directly: their executor methods
     * run on a modeled pool, also when the pool is handed to CompletableFuture.
     */
    public static final class Direct {
        private Direct() {}

        public static void main(String[] args) throws Exception {
            BlockingQueue<Runnable> q = new ArrayBlockingQueue<>(1);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, q);
            AtomicInteger ran = new AtomicInteger();
            pool.execute(ran::incrementAndGet);
            int two = pool.submit(() -> 2).get();
            int three = CompletableFuture.supplyAsync(() -> 3, pool).join();
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
            int four = timer.schedule(() -> 4, 10, TimeUnit.MILLISECONDS).get();
            pool.shutdown();
            timer.shutdown();
            assert pool.awaitTermination(1, TimeUnit.SECONDS);
            assert timer.awaitTermination(1, TimeUnit.SECONDS);
            assert ran.get() + two + three + four == 10 : "sum " + (ran.get() + two + three + four);
        }
    }

    /** A ThreadPoolExecutor built directly and asked to start its own threads: refused. */
    public static final class DirectPrestart {
        private DirectPrestart() {}

        public static void main(String[] args) {
            BlockingQueue<Runnable> q = new ArrayBlockingQueue<>(1);
            var pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, q); // site: create
            pool.prestartAllCoreThreads(); // site: prestart
        }
    }
}
