package example.corpus;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Executors from factory methods and constructors, with and without a thread factory. */
public class Pools implements Callable<Object> {

    static long work(ExecutorService pool) throws Exception {
        List<Future<Integer>> results = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            int n = k;
            results.add(pool.submit(() -> n * n));
        }
        long sum = 0;
        for (Future<Integer> f : results) {
            sum += f.get();
        }
        pool.shutdown();
        return pool.awaitTermination(10, TimeUnit.SECONDS) ? sum : -1;
    }

    @Override
    public Object call() throws Exception {
        long a = work(Executors.newFixedThreadPool(2)); // site: fixed
        ThreadFactory factory = Executors.defaultThreadFactory();
        long b = work(Executors.newCachedThreadPool(factory)); // site: cached
        BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        var tpe = new ThreadPoolExecutor(1, 1, 0, SECONDS, queue); // site: tpe
        long c = work(tpe);
        // A constructor call spanning lines is attributed to the line its statement starts on.
        var withHandler = // site: tpe-handler
                new ThreadPoolExecutor(
                        1,
                        2,
                        0,
                        SECONDS,
                        new LinkedBlockingQueue<>(),
                        new ThreadPoolExecutor.AbortPolicy());
        long d = work(withHandler);
        var s = Executors.newSingleThreadScheduledExecutor(); // site: scheduled
        long e = s.schedule(() -> 5L, 1, TimeUnit.MILLISECONDS).get();
        s.shutdown();
        return a + ":" + b + ":" + c + ":" + d + ":" + e;
    }
}
