package programs.jdk;

import java.util.concurrent.*;

/** Collect results with an ExecutorCompletionService until the pool has terminated. */
public class EcsDrainBug {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ExecutorCompletionService<Integer> ecs = new ExecutorCompletionService<>(pool);
        int n = 6;
        for (int i = 1; i <= n; i++) {
            int k = i;
            ecs.submit(() -> k * k);
        }
        pool.shutdown();
        int sum = 0, got = 0;
        while (!pool.isTerminated()) {          // BUG: a result that lands after the last poll is never read
            Future<Integer> f = ecs.poll();
            if (f != null) { sum += f.get(); got++; }
            else Thread.onSpinWait();
        }
        if (got != n || sum != 91) throw new AssertionError("collected " + got + " of " + n + " results, sum " + sum);
    }
}
