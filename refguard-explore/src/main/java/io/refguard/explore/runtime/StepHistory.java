package io.refguard.explore.runtime;

import java.util.Objects;

/**
 * What earlier runs did after each schedule prefix, for the determinism check across runs that are
 * not consecutive (random strategies rarely repeat the previous run's prefix, but often one of an
 * earlier run). A prefix, the choices of a run's first steps, is identified by a 64-bit hash; for
 * each prefix seen the table keeps the operation of the step that produced it and the threads able
 * to run after it, or that the run ended there. A deterministic scenario agrees with every entry,
 * since equal prefixes are equal schedules.
 *
 * <p>A fixed-size, direct-mapped table: an entry may be overwritten by another prefix, which only
 * loses a comparison (keys are compared in full, so a lost entry never causes a false report).
 * Allocation-free after construction; touched only by the baton holder.
 */
final class StepHistory {

    private static final int SIZE = 1 << 12;
    private static final int MASK = SIZE - 1;
    private static final byte EMPTY = 0;
    private static final byte LABEL_ONLY = 1;
    private static final byte ENABLED = 2;
    private static final byte ENDED = 3;

    /** The hash of the empty prefix. */
    static final long START = 0x6A09E667F3BCC909L;

    private final long[] keys = new long[SIZE];
    private final byte[] states = new byte[SIZE];
    private final long[] enabled = new long[SIZE];
    private final String[] labels = new String[SIZE];

    /** The prefix {@code prefix} followed by a choice of thread {@code c}. */
    static long extend(long prefix, int c) {
        long h = prefix * 0x9E3779B97F4A7C15L + c + 1;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static int index(long key) {
        return (int) (key ^ (key >>> 32)) & MASK;
    }

    /**
     * Records, or compares with an earlier run, that after {@code prefix} the threads in {@code en}
     * could run ({@code DeterminismCheck.PINNED}, 0, at a pinned decision: a set that matches any
     * other, and that a later run's set replaces). Returns the earlier run's set when it differs,
     * else {@code en}; an earlier run that ended after this prefix is returned as {@code ~en},
     * which differs from {@code en} and is no set a run offers when {@code en} is.
     */
    long enabledAfter(long prefix, long en) {
        int i = index(prefix);
        if (keys[i] == prefix && states[i] >= ENABLED) {
            if (states[i] == ENDED) {
                return ~en;
            }
            if (enabled[i] == DeterminismCheck.PINNED) {
                enabled[i] = en;
                return en;
            }
            return en == DeterminismCheck.PINNED ? en : enabled[i];
        }
        if (keys[i] != prefix) {
            keys[i] = prefix;
            labels[i] = null;
        }
        states[i] = ENABLED;
        enabled[i] = en;
        return en;
    }

    /**
     * Records, or compares with an earlier run, the operation {@code label} of the step that
     * extended a prefix to {@code prefix}. Returns the earlier run's operation when it differs,
     * else null.
     */
    String labelOf(long prefix, String label) {
        int i = index(prefix);
        if (keys[i] == prefix && states[i] != EMPTY && labels[i] != null) {
            String before = labels[i];
            return before == label || Objects.equals(before, label) ? null : before;
        }
        if (keys[i] != prefix) {
            keys[i] = prefix;
            states[i] = LABEL_ONLY;
        }
        labels[i] = label;
        return null;
    }

    /**
     * Records, or compares with an earlier run, that a run ended after {@code prefix}. Returns the
     * threads an earlier run could run after it, or 0 when none went on.
     */
    long endedAfter(long prefix) {
        int i = index(prefix);
        if (keys[i] == prefix && states[i] == ENABLED) {
            return enabled[i];
        }
        if (keys[i] != prefix) {
            keys[i] = prefix;
            labels[i] = null;
        }
        states[i] = ENDED;
        return 0;
    }
}
