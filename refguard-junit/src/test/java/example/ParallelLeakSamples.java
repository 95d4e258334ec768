package example;

import io.refguard.junit.RefGuardLeakCheck;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two tests that leak at the same time on two threads, and one that leaks nothing meanwhile. The
 * barrier makes all three hold their references at once: run them in parallel (with at least three
 * threads), or each waits the barrier's timeout and fails.
 */
@RefGuardLeakCheck
@Execution(ExecutionMode.CONCURRENT)
public class ParallelLeakSamples {

    /** Fresh per run: {@link #reset()} before each run. */
    private static volatile CyclicBarrier together = new CyclicBarrier(3);

    /** Which thread ran each test. */
    public static final Map<String, Thread> THREADS = new ConcurrentHashMap<>();

    /** Prepares a run. */
    public static void reset() {
        together = new CyclicBarrier(3);
        THREADS.clear();
    }

    @Test
    void leaksFirst() throws Exception {
        THREADS.put("leaksFirst", Thread.currentThread());
        Buffer b = new Buffer();
        Lines.mark("leaksFirst", b.acquire());
        together.await(10, TimeUnit.SECONDS);
        b.close();
    }

    @Test
    void leaksSecond() throws Exception {
        THREADS.put("leaksSecond", Thread.currentThread());
        Buffer b = new Buffer();
        Lines.mark("leaksSecond", b.acquire());
        b.acquire().close();
        together.await(10, TimeUnit.SECONDS);
        b.close();
    }

    @Test
    void leaksNothing() throws Exception {
        THREADS.put("leaksNothing", Thread.currentThread());
        try (Buffer b = new Buffer()) {
            b.acquire().close();
            together.await(10, TimeUnit.SECONDS);
        }
    }
}
