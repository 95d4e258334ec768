package example.reallibs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.concurrent.atomic.AtomicInteger;

/** Caffeine used correctly from two threads, and one check-then-act across two calls. */
public final class CaffeinePrograms {

    private CaffeinePrograms() {}

    private static Cache<String, Integer> cache() {
        return Caffeine.newBuilder().maximumSize(16).executor(Runnable::run).build();
    }

    /** A {@code put} races a {@code merge}: the merge either adds to the put or comes first. */
    public static final class PutMerge {
        public static void main(String[] args) throws InterruptedException {
            Cache<String, Integer> c = cache();
            Both.run(() -> c.put("k", 10), () -> c.asMap().merge("k", 1, Integer::sum));
            int v = c.getIfPresent("k");
            assert v == 10 || v == 11 : "k is " + v;
        }
    }

    /** A {@code put} races a {@code getIfPresent}: the reader sees nothing or the whole value. */
    public static final class PutGetIfPresent {
        public static void main(String[] args) throws InterruptedException {
            Cache<String, Integer> c = cache();
            Integer[] seen = new Integer[1];
            Both.run(() -> c.put("k", 42), () -> seen[0] = c.getIfPresent("k"));
            assert seen[0] == null || seen[0] == 42 : "read " + seen[0];
            assert c.getIfPresent("k") == 42;
        }
    }

    /** {@code LoadingCache.refresh} races a {@code get}: each sees a loaded value. */
    public static final class Refresh {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger loads = new AtomicInteger();
            LoadingCache<String, Integer> c =
                    Caffeine.newBuilder()
                            .executor(Runnable::run)
                            .build(key -> loads.incrementAndGet());
            c.get("k");
            int[] seen = new int[1];
            Both.run(() -> c.refresh("k").join(), () -> seen[0] = c.get("k"));
            assert seen[0] == 1 || seen[0] == 2 : "read " + seen[0];
            assert c.get("k") == 2 : "after the refresh " + c.get("k");
        }
    }

    /**
     * Caffeine with its default executor, the common pool, which runs its maintenance as a {@code
     * ForkJoinTask} that leaves itself incomplete: two threads load one key through {@code get(key,
     * loader)}, which loads it once.
     */
    public static final class DefaultExecutorLoadsOnce {
        public static void main(String[] args) throws InterruptedException {
            Cache<String, String> c = Caffeine.newBuilder().maximumSize(100).build();
            AtomicInteger loads = new AtomicInteger();
            Runnable user = () -> c.get("k", key -> "v" + loads.incrementAndGet());
            Both.run(user, user);
            assert loads.get() == 1 : "loaded " + loads.get() + " times";
        }
    }

    /**
     * The bug with the default executor: {@code getIfPresent}, then {@code put}, in two calls, so
     * both threads can load.
     */
    public static final class DefaultExecutorCheckThenLoad {
        public static void main(String[] args) throws InterruptedException {
            Cache<String, String> c = Caffeine.newBuilder().maximumSize(100).build();
            AtomicInteger loads = new AtomicInteger();
            Runnable user =
                    () -> {
                        if (c.getIfPresent("k") == null) {
                            c.put("k", "v" + loads.incrementAndGet());
                        }
                    };
            Both.run(user, user);
            assert loads.get() == 1 : "loaded " + loads.get() + " times";
        }
    }

    /** The bug: a read and a write in two calls, so two increments can lose one. */
    public static final class LostIncrement {
        public static void main(String[] args) throws InterruptedException {
            Cache<String, Integer> c = cache();
            c.put("k", 0);
            Runnable increment =
                    () -> {
                        Integer v = c.getIfPresent("k");
                        c.put("k", v + 1);
                    };
            Both.run(increment, increment);
            assert c.getIfPresent("k") == 2 : "two increments left " + c.getIfPresent("k");
        }
    }
}
