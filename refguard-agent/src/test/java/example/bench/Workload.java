package example.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * Lock-, atomic- and stream-heavy loops for measuring what instrumentation costs with no
 * interceptor.
 */
public class Workload {
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong counter = new AtomicLong();
    private final Object monitor = new Object();
    private volatile long published;
    private long guarded;

    /** Per iteration: a ReentrantLock lock/unlock and an atomic increment. */
    public long locksAndAtomics(int iterations) {
        long sum = 0;
        for (int k = 0; k < iterations; k++) {
            lock.lock();
            try {
                guarded++;
            } finally {
                lock.unlock();
            }
            sum += counter.incrementAndGet();
        }
        return sum + guarded;
    }

    /** Per iteration: a synchronized block, a volatile write and a volatile read. */
    public long monitorsAndVolatiles(int iterations) {
        long sum = 0;
        for (int k = 0; k < iterations; k++) {
            synchronized (monitor) {
                guarded++;
            }
            published = k;
            sum += published;
        }
        return sum + guarded;
    }

    /**
     * Per iteration: a short sequential stream pipeline, four stream calls (three of them routed
     * through the library bridge when instrumented: {@code map}, {@code filter}, {@code sum}).
     */
    private final java.util.List<Integer> eight = java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7);

    /** A for-each loop over a list of eight: nine {@code hasNext} and eight {@code next} calls. */
    public long iterators(int iterations) {
        long sum = 0;
        for (int k = 0; k < iterations; k++) {
            for (int x : eight) {
                sum += x ^ k;
            }
        }
        return sum;
    }

    public long streams(int iterations) {
        long sum = 0;
        for (int k = 0; k < iterations; k++) {
            int shift = k & 7;
            sum += IntStream.range(0, 8).map(x -> x + shift).filter(x -> (x & 1) == 0).sum();
        }
        return sum;
    }
}
