package example.jdk;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A check inside a submitted task: when it fails, the task's {@code Future} holds the error and
 * nothing reads it, so the program ends normally. {@link Read} reads it with {@code get} and so
 * sees every failure; {@link AnyOf} lets {@code invokeAny} drop the failure of one of its tasks, as
 * it is meant to.
 */
public final class UnreadTaskFailure {

    private UnreadTaskFailure() {}

    static Future<?> check(ExecutorService pool) {
        return pool.submit(
                () -> {
                    throw new AssertionError("the check in the task failed"); // site: throw
                });
    }

    public static void main(String[] args) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        check(pool);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.SECONDS);
    }

    /** The same, reading the task's outcome: its error is the program's to handle. */
    public static final class Read {
        public static void main(String[] args) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try {
                check(pool).get();
            } catch (ExecutionException expected) {
                // seen
            }
            pool.shutdown();
        }
    }

    /** {@code invokeAny} returns the first success and drops the other task's failure. */
    public static final class AnyOf {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<String> fails =
                    () -> {
                        throw new IllegalStateException("replica down");
                    };
            Callable<String> works = () -> "ok";
            if (!pool.invokeAny(List.of(fails, works)).equals("ok")) {
                throw new AssertionError("invokeAny returned a failure");
            }
            pool.shutdown();
        }
    }
}
