package example.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
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
        long b = work(Executors.newCachedThreadPool(Executors.defaultThreadFactory())); // site: cached
        // A constructor call spanning lines is attributed to the line of its 'new'.
        long c = work(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, // site: tpe
                new LinkedBlockingQueue<>()));
        long d = work(new ThreadPoolExecutor(1, 2, 0, TimeUnit.SECONDS, // site: tpe-handler
                new LinkedBlockingQueue<>(), new ThreadPoolExecutor.AbortPolicy()));
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(); // site: scheduled
        long e = s.schedule(() -> 5L, 1, TimeUnit.MILLISECONDS).get();
        s.shutdown();
        return a + ":" + b + ":" + c + ":" + d + ":" + e;
    }
}
