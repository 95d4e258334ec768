package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;
import java.util.Arrays;

/**
 * Sets of thread ids as bit sets of any size ({@code long[]}, bit {@code i} of word {@code i / 64}
 * is thread i), for the strategies' per-step records. Sets are grown by {@link #fit}; reading past
 * the end reads an empty set.
 */
final class ThreadBits {

    private ThreadBits() {}

    /** {@code s}, or a copy grown to hold thread {@code id}. */
    static long[] fit(long[] s, int id) {
        int words = (id >>> 6) + 1;
        return s.length >= words ? s : Arrays.copyOf(s, Math.max(words, s.length * 2));
    }

    static boolean get(long[] s, int id) {
        int w = id >>> 6;
        return w < s.length && (s[w] & (1L << id)) != 0;
    }

    /** Sets {@code id}; {@code s} must already fit it. */
    static void set(long[] s, int id) {
        s[id >>> 6] |= 1L << id;
    }

    static void clear(long[] s, int id) {
        int w = id >>> 6;
        if (w < s.length) {
            s[w] &= ~(1L << id);
        }
    }

    static void clearAll(long[] s) {
        Arrays.fill(s, 0L);
    }

    static boolean isEmpty(long[] s) {
        for (long w : s) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The lowest id from {@code from} on in {@code s}, or -1. */
    static int next(long[] s, int from) {
        int w = from >>> 6;
        if (w >= s.length) {
            return -1;
        }
        long word = s[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w >= s.length) {
                return -1;
            }
            word = s[w];
        }
    }

    /** {@code s} (grown if needed) holding exactly the threads enabled at {@code p}. */
    static long[] enabled(ChoicePoint p, long[] s) {
        long[] r = fit(s, Math.max(0, p.threadCount() - 1));
        clearAll(r);
        for (int i = p.nextEnabled(0); i >= 0; i = p.nextEnabled(i + 1)) {
            set(r, i);
        }
        return r;
    }

    /** Whether {@code s} holds exactly the threads enabled at {@code p}. */
    static boolean sameAsEnabled(long[] s, ChoicePoint p) {
        int count = 0;
        for (int i = next(s, 0); i >= 0; i = next(s, i + 1)) {
            if (!p.isEnabled(i)) {
                return false;
            }
            count++;
        }
        return count == p.enabledCount();
    }
}
