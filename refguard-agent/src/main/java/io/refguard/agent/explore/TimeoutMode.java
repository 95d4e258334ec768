package io.refguard.agent.explore;

/**
 * When a timed wait of an explored program may time out; see {@link AgentExplorer#timeouts}. In
 * both modes nothing really waits: time is a virtual clock that a timeout moves to its deadline.
 */
public enum TimeoutMode {
    /**
     * The timeout of a wait for another thread's action ({@code poll}, {@code await}, {@code get},
     * ...) fires when no thread could make progress otherwise and no other timeout is due earlier;
     * timeouts due together are explored in every order. The default: a timeout that is only a
     * safety net is never reported as hit while other threads could still go on. A {@code sleep} or
     * a scheduled task's delay of at most {@link #EARLY_LIMIT_NANOS} waits for no other thread, and
     * may also end at once, as under {@link #EARLY}.
     */
    ORDERED,
    /**
     * As {@link #ORDERED}, and besides, every timed wait of at most {@link #EARLY_LIMIT_NANOS} may
     * time out at once, before any other thread moves (once per thread per run, and not while
     * another thread's timeout is due before its own): both the timely and the timed-out path of
     * each short timeout are explored, as if other threads could be arbitrarily slow. A longer
     * timeout ({@code get(1, MINUTES)}) is a safety net, which a program may rightly treat as a
     * failure when it expires, and so is waiting for a pool to terminate or quiesce, whatever its
     * timeout: they stay ordered.
     */
    EARLY;

    /** The longest timeout that {@link #EARLY} lets time out at once: one second. */
    public static final long EARLY_LIMIT_NANOS = 1_000_000_000L;

    /**
     * The mode named {@code name} ({@code ordered} or {@code early}, in any case).
     *
     * @throws IllegalArgumentException naming the accepted values, for any other name
     */
    public static TimeoutMode parse(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "ordered" -> ORDERED;
            case "early" -> EARLY;
            default ->
                    throw new IllegalArgumentException(
                            "'"
                                    + name
                                    + "' is not a timeout mode: use ordered (the default) or early");
        };
    }

    /**
     * The system property that sets the mode for {@link AgentExplorer}: {@code ordered} or {@code
     * early}.
     */
    public static final String PROPERTY = "refguard.explore.timeouts";

    /** The mode named by {@link #PROPERTY}, or {@link #ORDERED} when it is unset. */
    static TimeoutMode fromProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return ORDERED;
        }
        try {
            return parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + ": " + e.getMessage(), e);
        }
    }
}
