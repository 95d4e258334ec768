package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/** Formatting of thread sets for messages. */
final class Masks {

    private Masks() {}

    /**
     * Why a replayed schedule prefix cannot be followed: at {@code step} (0-based) the threads able
     * to run differ from {@code expected}, those of the first time the prefix ran.
     */
    static String notDeterministic(ChoicePoint p, int step, long expected) {
        return "the scenario is not deterministic: at step " + (step + 1)
                + " the threads able to run were " + names(p, expected)
                + " when this schedule prefix was first run, and are "
                + names(p, p.enabled()) + " now. Setup and actors must not depend on"
                + " time, randomness, identity hash codes or state kept between runs.";
    }

    /** {@code {T1, T2}}: the names of the threads in {@code mask}, by id. */
    static String names(ChoicePoint p, long mask) {
        StringBuilder sb = new StringBuilder("{");
        long m = mask;
        while (m != 0) {
            int i = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(i < p.threadCount() ? p.threadName(i) : "#" + i);
        }
        return sb.append('}').toString();
    }
}
