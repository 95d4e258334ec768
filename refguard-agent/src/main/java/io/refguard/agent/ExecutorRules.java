package io.refguard.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * Executor creation sites whose thread factory is routed through {@code
 * ThreadBridge.threadFactory}/{@code defaultThreadFactory}, so an interceptor can make the pool's
 * threads managed.
 *
 * <p>Every {@code Executors} factory method and {@code ThreadPoolExecutor} / {@code
 * ScheduledThreadPoolExecutor} constructor without a {@code ThreadFactory} has an overload that
 * takes one right after the same parameters, or right before a trailing {@code
 * RejectedExecutionHandler}; the factory-less form is documented to use {@code
 * Executors.defaultThreadFactory()}. A site is therefore rewritten to the overload with a factory,
 * which the bridge supplies: the executor is identical when nothing intercepts.
 */
final class ExecutorRules {

    private static final String EXECUTORS = "java/util/concurrent/Executors";
    private static final String TPE = "java/util/concurrent/ThreadPoolExecutor";
    private static final String STPE = "java/util/concurrent/ScheduledThreadPoolExecutor";
    static final String TF = "Ljava/util/concurrent/ThreadFactory;";
    private static final String REH = "Ljava/util/concurrent/RejectedExecutionHandler;";
    private static final String TPE_HEAD =
            "IIJLjava/util/concurrent/TimeUnit;Ljava/util/concurrent/BlockingQueue;";

    /**
     * How to rewrite one site.
     *
     * @param insert whether a factory argument is added (else the existing one is wrapped)
     * @param beforeLast whether the factory sits before the last argument (a handler), which takes
     *     a {@code swap} around the bridge call
     * @param newDesc the descriptor of the method or constructor to call instead
     */
    record Rewrite(boolean insert, boolean beforeLast, String newDesc) {}

    private static final Map<String, Rewrite> RULES = new HashMap<>();

    static {
        for (String m :
                new String[] {
                    "newFixedThreadPool:I:Ljava/util/concurrent/ExecutorService;",
                    "newCachedThreadPool::Ljava/util/concurrent/ExecutorService;",
                    "newSingleThreadExecutor::Ljava/util/concurrent/ExecutorService;",
                    "newScheduledThreadPool:I:Ljava/util/concurrent/ScheduledExecutorService;",
                    "newSingleThreadScheduledExecutor::"
                            + "Ljava/util/concurrent/ScheduledExecutorService;"
                }) {
            String[] p = m.split(":", -1);
            String withFactory = "(" + p[1] + TF + ")" + p[2];
            RULES.put(
                    key(EXECUTORS, p[0], "(" + p[1] + ")" + p[2]),
                    new Rewrite(true, false, withFactory));
            RULES.put(key(EXECUTORS, p[0], withFactory), new Rewrite(false, false, withFactory));
        }
        constructors(TPE, TPE_HEAD);
        constructors(STPE, "I");
    }

    private ExecutorRules() {}

    private static void constructors(String owner, String head) {
        String withFactory = "(" + head + TF + ")V";
        String withBoth = "(" + head + TF + REH + ")V";
        RULES.put(key(owner, "<init>", "(" + head + ")V"), new Rewrite(true, false, withFactory));
        RULES.put(key(owner, "<init>", withFactory), new Rewrite(false, false, withFactory));
        RULES.put(key(owner, "<init>", "(" + head + REH + ")V"), new Rewrite(true, true, withBoth));
        RULES.put(key(owner, "<init>", withBoth), new Rewrite(false, true, withBoth));
    }

    private static String key(String owner, String name, String desc) {
        return owner + '.' + name + desc;
    }

    /**
     * Whether a call site is an {@code Executors} factory method whose executor an interceptor may
     * replace as a whole (fixed, cached and single-thread pools, with or without a factory, and the
     * thread-per-task executors of JDK 21, virtual or with a factory): such a site calls {@code
     * ThreadBridge.<same name>(<same arguments>, int site)} instead, which returns exactly what the
     * original returns when nothing intercepts.
     */
    static boolean replacesExecutor(String owner, String name, String desc) {
        if (owner.equals(EXECUTORS)
                && desc.endsWith(")Ljava/util/concurrent/ScheduledExecutorService;")) {
            return switch (name) {
                case "newScheduledThreadPool" ->
                        desc.startsWith("(I)") || desc.startsWith("(I" + TF + ")");
                case "newSingleThreadScheduledExecutor" ->
                        desc.startsWith("()") || desc.startsWith("(" + TF + ")");
                default -> false;
            };
        }
        if (!owner.equals(EXECUTORS) || !desc.endsWith(")Ljava/util/concurrent/ExecutorService;")) {
            return false;
        }
        return switch (name) {
            case "newFixedThreadPool" -> desc.startsWith("(I)") || desc.startsWith("(I" + TF + ")");
            case "newCachedThreadPool", "newSingleThreadExecutor" ->
                    desc.startsWith("()") || desc.startsWith("(" + TF + ")");
            // JDK 21+
            case "newVirtualThreadPerTaskExecutor" -> desc.startsWith("()");
            case "newThreadPerTaskExecutor" -> desc.startsWith("(" + TF + ")");
            default -> false;
        };
    }

    /**
     * The rewrite for a call site, or {@code null}. Factory methods must be called with {@code
     * invokestatic}, constructors with {@code invokespecial} (including a subclass's {@code
     * super(...)} call, where adding the default factory is equally transparent).
     */
    static Rewrite match(String owner, String name, String desc) {
        return RULES.get(key(owner, name, desc));
    }
}
