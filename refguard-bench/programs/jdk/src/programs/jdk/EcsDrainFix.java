package programs.jdk;

import java.util.concurrent.*;

public class EcsDrainFix {
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
        for (int i = 0; i < n; i++) {           // FIX: take exactly as many results as tasks submitted
            sum += ecs.take().get();
            got++;
        }
        if (got != n || sum != 91) throw new AssertionError("collected " + got + " of " + n + " results, sum " + sum);
    }
}
