package example.libs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine, instrumented with the program: a bounded cache written and read by two threads, its
 * maintenance run on the calling threads (VarHandles, the eviction lock, the write buffer).
 */
public final class CaffeineUse {

    private CaffeineUse() {}

    public static void main(String[] args) throws InterruptedException {
        Cache<Integer, String> cache =
                Caffeine.newBuilder().maximumSize(2).executor(Runnable::run).build();
        Thread writer =
                new Thread(
                        () -> {
                            cache.put(1, "one");
                            cache.put(2, "two");
                        },
                        "writer");
        writer.start();
        cache.put(3, "three");
        cache.getIfPresent(1);
        writer.join();
        cache.cleanUp();
        assert cache.estimatedSize() <= 2 : "size " + cache.estimatedSize() + " above the bound";
    }
}
