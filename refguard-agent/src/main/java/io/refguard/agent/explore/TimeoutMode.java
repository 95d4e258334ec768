package io.refguard.agent.explore;

/**
 * When a timed wait of an explored program may time out; see {@link AgentExplorer#timeouts}. In
 * both modes nothing really waits: time is a virtual clock that a timeout moves to its deadline.
 */
public enum TimeoutMode {
    /**
     * A timeout fires when no thread could make progress otherwise and no other timeout is due
     * earlier; timeouts due together are explored in every order. The default: a timeout that is
     * only a safety net is never reported as hit while other threads could still go on.
     */
    ORDERED,
    /**
     * As {@link #ORDERED}, and besides, every timed wait may time out at once, before any other
     * thread moves (once per thread per run): both the timely and the timed-out path of each
     * timeout are explored, as if other threads could be arbitrarily slow.
     */
    EARLY;

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
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "ordered" -> ORDERED;
            case "early" -> EARLY;
            default ->
                    throw new IllegalArgumentException(
                            "-D"
                                    + PROPERTY
                                    + "="
                                    + v
                                    + " is not a timeout mode: use ordered (the default) or early");
        };
    }
}
