package sample.cache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The fixed twin of {@link RacyCache}: check and act under one lock, so each key loads once. */
public class FixedCache {
    private final Map<String, String> values = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    public String get(String key) {
        synchronized (values) {
            return values.computeIfAbsent(key, this::load);
        }
    }

    public int loads() {
        return loads.get();
    }

    private String load(String key) {
        loads.incrementAndGet();
        return key.toUpperCase();
    }
}
