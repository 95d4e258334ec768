package example.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * An asynchronous memo, as an asynchronous cache builds one: {@code computeIfAbsent} starts each
 * load with {@code supplyAsync} on the common pool from inside its mapping function, so the load is
 * handed to the pool from inside a JDK call. The loads log themselves in a plain {@code HashMap},
 * and two loads running at once race on it. {@link Fixed} logs in a concurrent map.
 */
public final class LoadInCompute {

    private LoadInCompute() {}

    static void run(Map<String, Integer> log) throws Exception {
        Map<String, CompletableFuture<Integer>> memo = new ConcurrentHashMap<>();
        CompletableFuture<Integer> a = load(memo, log, "alpha");
        CompletableFuture<Integer> b = load(memo, log, "be");
        if (a.get() != 5 || b.get() != 2) {
            throw new AssertionError("wrong lengths");
        }
        if (log.size() != 2) {
            throw new AssertionError("the log lost a load: " + log);
        }
    }

    static CompletableFuture<Integer> load(
            Map<String, CompletableFuture<Integer>> memo, Map<String, Integer> log, String key) {
        return memo.computeIfAbsent(
                key,
                k ->
                        CompletableFuture.supplyAsync(
                                () -> {
                                    log.merge(k, 1, Integer::sum);
                                    return k.length();
                                },
                                ForkJoinPool.commonPool()));
    }

    public static void main(String[] args) throws Exception {
        run(new HashMap<>());
    }

    /** Logs in a concurrent map. */
    public static final class Fixed {
        public static void main(String[] args) throws Exception {
            run(new ConcurrentHashMap<>());
        }
    }
}
