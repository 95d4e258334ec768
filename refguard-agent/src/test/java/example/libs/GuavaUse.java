package example.libs;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.google.common.util.concurrent.SettableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guava's concurrent code, instrumented with the program: a {@code SettableFuture} completed by one
 * thread while another blocks in {@code get()} (Guava parks and unparks the waiter itself), and a
 * {@code LoadingCache} loaded from two threads at once (segment locks, atomics).
 */
public final class GuavaUse {

    private GuavaUse() {}

    public static void main(String[] args) throws Exception {
        SettableFuture<Integer> future = SettableFuture.create();
        AtomicInteger loads = new AtomicInteger();
        LoadingCache<String, Integer> cache =
                CacheBuilder.newBuilder()
                        .maximumSize(10)
                        .build(CacheLoader.from(k -> loads.incrementAndGet()));
        Thread worker =
                new Thread(
                        () -> {
                            future.set(cache.getUnchecked("a"));
                        },
                        "worker");
        worker.start();
        int fromMain = cache.getUnchecked("a");
        int fromWorker = future.get();
        worker.join();
        assert fromMain == fromWorker : "two values for one key: " + fromMain + ", " + fromWorker;
        assert loads.get() == 1 : "loaded " + loads.get() + " times";
    }
}
