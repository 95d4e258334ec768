package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/** Formatting of thread sets for messages. */
final class Masks {

    private Masks() {}

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
