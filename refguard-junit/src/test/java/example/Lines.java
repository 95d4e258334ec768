package example;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where samples did things: a sample records the source line of an acquire under a key, on the same
 * line as the acquire, and the tests expect the report to name that line.
 */
public final class Lines {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Map<String, Integer> LINES = new ConcurrentHashMap<>();

    private Lines() {}

    /**
     * Records the caller's line under {@code key}; returns {@code value}, so it can wrap an
     * acquire.
     */
    public static <T> T mark(String key, T value) {
        LINES.put(key, WALKER.walk(s -> s.skip(1).findFirst()).orElseThrow().getLineNumber());
        return value;
    }

    /**
     * The line recorded under {@code key}.
     *
     * @throws IllegalStateException when the sample never recorded it (it did not run that far)
     */
    public static int of(String key) {
        Integer line = LINES.get(key);
        if (line == null) {
            throw new IllegalStateException(
                    "no line recorded under " + key + ": the sample did not run that far");
        }
        return line;
    }
}
