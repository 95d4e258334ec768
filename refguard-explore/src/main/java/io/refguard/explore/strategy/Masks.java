package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/** Formatting of thread sets for messages. */
final class Masks {

    private Masks() {}

    /**
     * Where a replayed schedule prefix could not be followed, in the words of the determinism check
     * ({@code runtime.DeterminismCheck}): at {@code step} (0-based) the threads able to run differ
     * from {@code expected}, those of an earlier run of the prefix.
     */
    static String notDeterministic(ChoicePoint p, int step, long[] expected) {
        return "at step "
                + (step + 1)
                + " the threads able to run were "
                + names(p, expected)
                + " in an earlier run of the same schedule, and are "
                + names(p, ThreadBits.enabled(p, new long[1]))
                + " now";
    }

    /** {@code {T1, T2}}: the names of the threads in {@code set}, by id. */
    static String names(ChoicePoint p, long[] set) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = ThreadBits.next(set, 0); i >= 0; i = ThreadBits.next(set, i + 1)) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(i < p.threadCount() ? p.threadName(i) : "#" + i);
        }
        return sb.append('}').toString();
    }
}
