package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/** Formatting of thread sets for messages. */
final class Masks {

    private Masks() {}

    /**
     * Why a replayed schedule prefix cannot be followed: at {@code step} (0-based) the threads able
     * to run differ from {@code expected}, those of the first time the prefix ran.
     */
    static String notDeterministic(ChoicePoint p, int step, long[] expected) {
        return "the scenario is not deterministic: at step "
                + (step + 1)
                + " the threads able to run were "
                + names(p, expected)
                + " when this schedule prefix was first run, and are "
                + names(p, ThreadBits.enabled(p, new long[1]))
                + " now. Setup and actors must not depend on"
                + " time, randomness, identity hash codes or state kept between runs.";
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
