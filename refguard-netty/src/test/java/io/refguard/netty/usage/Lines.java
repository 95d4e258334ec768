package io.refguard.netty.usage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where samples did things: {@link #mark} records the caller's line under a key, on the line of the
 * call it wraps.
 */
public final class Lines {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Map<String, Integer> LINES = new ConcurrentHashMap<>();

    private Lines() {}

    /** Records the caller's line under {@code key} and returns {@code value}. */
    public static <T> T mark(String key, T value) {
        LINES.put(key, here(2));
        return value;
    }

    /** The caller's line. */
    public static int here() {
        return here(2);
    }

    /** The line after the caller's statement: mark a statement by calling this just before it. */
    public static int next() {
        return here(2) + 1;
    }

    private static int here(int skip) {
        return WALKER.walk(s -> s.skip(skip).findFirst()).orElseThrow().getLineNumber();
    }

    /** The line recorded under {@code key}; throws when the sample did not run that far. */
    public static int of(String key) {
        Integer line = LINES.get(key);
        if (line == null) {
            throw new IllegalStateException(
                    "no line recorded under " + key + ": the sample did not run that far");
        }
        return line;
    }
}
