package example.jdk;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry on {@code Collections.synchronizedMap}: two threads register the same name with {@code
 * containsKey} then {@code put}. Both calls lock the map inside the JDK, but nothing holds the lock
 * between them, so both threads believe they registered first. The fix uses {@code putIfAbsent},
 * one call under the map's lock.
 */
public final class SynchronizedMapCheckThenAct {

    static void run(boolean atomic) throws InterruptedException {
        Map<String, String> registry = Collections.synchronizedMap(new HashMap<>());
        AtomicInteger winners = new AtomicInteger();
        Runnable register =
                () -> {
                    String me = Thread.currentThread().getName();
                    boolean first;
                    if (atomic) {
                        first = registry.putIfAbsent("service", me) == null;
                    } else {
                        first = !registry.containsKey("service"); // site: check
                        if (first) {
                            registry.put("service", me); // site: act
                        }
                    }
                    if (first) {
                        winners.incrementAndGet();
                    }
                };
        Thread a = new Thread(register, "a");
        Thread b = new Thread(register, "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (winners.get() != 1) {
            throw new AssertionError(winners.get() + " threads registered the service");
        }
    }

    private SynchronizedMapCheckThenAct() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: {@code putIfAbsent}. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
