package io.refguard.explore.strategy;

/**
 * The warm-up rule of the determinism check, for the searches that replay a recorded path (the
 * exhaustive search and DPOR): the first run is a warm-up, which later runs are not held to (see
 * {@code runtime.DeterminismCheck}, where the rule is defined). Code that initializes itself
 * lazily, in a class whose statics refguard does not reset, a JDK cache or a library's singleton,
 * takes extra steps in the first run alone, so a later run that replays a prefix of the first may
 * find other threads able to run.
 *
 * <p>On frames the first run recorded the searches compare the current thread and the chosen
 * thread's operation too. When one differs the search starts over once, from the next run, and
 * records its path anew: the warm-up run then counts as a run but not as a schedule. A mismatch on
 * a frame recorded after the warm-up is a divergence.
 */
final class WarmUp {

    private boolean firstRun = true;

    /** Frames {@code [0, frames)} of the path are still those the first run recorded. */
    private int frames;

    private boolean restarted;
    private boolean restartPending;

    /** Frame {@code d} is recorded anew in this run. */
    void recorded(int d) {
        if (!firstRun && d < frames) {
            frames = d;
        }
    }

    /** A run of the search ended with {@code depth} frames on its path. */
    void runEnded(int depth) {
        if (firstRun) {
            firstRun = false;
            frames = depth;
        }
    }

    /**
     * Whether replayed frame {@code d} is one the first run recorded, before any start over: the
     * caller then also compares the operation and the current thread, which a warm-up may change
     * while the threads able to run stay the same.
     */
    boolean covers(int d) {
        return d < frames && !restarted;
    }

    /**
     * Whether a mismatch on replayed frame {@code d} is the warm-up's doing: the frame was recorded
     * in the first run and the search has not started over yet. The caller then prunes the run, and
     * {@link #restart()} holds before the next one.
     */
    boolean excuses(int d) {
        if (covers(d)) {
            restarted = true;
            restartPending = true;
            return true;
        }
        return false;
    }

    /** Whether the search must start over with the next run; true once at most. */
    boolean restart() {
        if (!restartPending) {
            return false;
        }
        restartPending = false;
        frames = 0;
        return true;
    }
}
