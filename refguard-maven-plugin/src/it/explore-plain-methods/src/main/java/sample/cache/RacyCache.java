package sample.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loading cache with a check-then-act race: two threads that miss the same key at once both load
 * it, because the check and the act hold the lock separately.
 */
public class RacyCache {
    private final Map<String, String> values = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    public String get(String key) {
        String value;
        synchronized (values) {
            value = values.get(key);
        }
        if (value == null) {
            value = load(key);
            synchronized (values) {
                values.put(key, value);
            }
        }
        return value;
    }

    public int loads() {
        return loads.get();
    }

    private String load(String key) {
        loads.incrementAndGet();
        return key.toUpperCase();
    }
}
