package io.refguard.agent.explore;

/**
 * When a timed wait of an explored program may time out; see {@link AgentExplorer#timeouts}. In
 * every mode nothing really waits: time is a virtual clock that a timeout moves to its deadline.
 *
 * <p>Two kinds of timed waits differ. A {@code sleep}, or a scheduled task's delay or period, waits
 * for no other thread: in every mode one of at most {@link #EARLY_LIMIT_NANOS} may end at once, as
 * if the other threads' work took longer. A wait for another thread's action ({@code poll}, {@code
 * await}, {@code get}, {@code tryAcquire}, ...) is bounded by its timeout, which is often a safety
 * net that the program treats as a failure when it expires; the modes differ in how they treat it.
 * Waiting for a pool to terminate or quiesce is a safety net whatever its timeout, and a timeout
 * longer than {@link #EARLY_LIMIT_NANOS} is a margin: both time out only when no thread could make
 * progress otherwise, in every mode.
 */
public enum TimeoutMode {
    /**
     * A wait for another thread times out only when no thread could make progress otherwise and no
     * other timeout is due earlier; timeouts due together are explored in every order. A timeout
     * that is only a safety net is never hit while other threads could still go on, and a bug on
     * the path of a short timeout that expires while the other thread is merely slow is not found:
     * {@link #SAFETY_NETS} finds it.
     */
    ORDERED,
    /**
     * The default. As {@link #EARLY}, but a run in which a thread fails with its own {@code
     * AssertionError} or {@code TimeoutException} within {@link #SAFETY_NET_STEPS} of its steps
     * after one of its timed waits timed out at once, without waiting for another thread in
     * between, is taken as a safety net that expired (the program declared the other thread too
     * slow), not as a bug: the run ends there as a pass, and the exploration counts such runs
     * ({@link AgentExplorer#expiredSafetyNets()}). A failure in another thread is such a safety net
     * when it says that something timed out and the thread that timed out early waited for no other
     * thread since (the program reports the timeout elsewhere). Any other failure on the timed-out
     * path is reported: an exception of another kind, a failure in another thread, a checker's
     * report, a deadlock.
     */
    SAFETY_NETS,
    /**
     * Every timed wait of at most {@link #EARLY_LIMIT_NANOS} may time out at once, before any other
     * thread moves (at most {@link io.refguard.explore.ExploreOptions#earlyTimeouts()} times per
     * thread and run, once by default, and not while another thread's timeout is due before its
     * own): both the timely and the timed-out path of each short timeout are explored, as if other
     * threads could be arbitrarily slow, and every failure is reported.
     */
    EARLY;

    /** The longest timeout that may time out at once: one second. */
    public static final long EARLY_LIMIT_NANOS = 1_000_000_000L;

    /**
     * How many steps after a timed wait that timed out at once a thread's own failed assertion is
     * still its reaction to the timeout, under {@link #SAFETY_NETS}.
     */
    public static final int SAFETY_NET_STEPS = 3;

    /** The mode of an exploration that names none. */
    public static final TimeoutMode DEFAULT = SAFETY_NETS;

    /** The name the command line and {@link #PROPERTY} use: {@code safety-nets}. */
    public String optionName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The mode named {@code name} ({@code ordered}, {@code safety-nets} or {@code early}, in any
     * case).
     *
     * @throws IllegalArgumentException naming the accepted values, for any other name
     */
    public static TimeoutMode parse(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        for (TimeoutMode m : values()) {
            if (m.optionName().equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "'"
                        + name
                        + "' is not a timeout mode: use safety-nets (the default), ordered or early");
    }

    /**
     * The system property that sets the mode for {@link AgentExplorer}: {@code ordered}, {@code
     * safety-nets} or {@code early}.
     */
    public static final String PROPERTY = "refguard.explore.timeouts";

    /** The mode named by {@link #PROPERTY}, or {@link #DEFAULT} when it is unset. */
    static TimeoutMode fromProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT;
        }
        try {
            return parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + ": " + e.getMessage(), e);
        }
    }
}
