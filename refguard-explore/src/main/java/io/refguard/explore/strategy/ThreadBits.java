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

    /**
     * {@code s} (grown if needed) holding exactly the threads enabled at {@code p}: a word per 64
     * threads.
     */
    static long[] enabled(ChoicePoint p, long[] s) {
        int words = words(p);
        long[] r = fit(s, (words << 6) - 1);
        for (int w = 0; w < words; w++) {
            r[w] = p.enabledWord(w);
        }
        Arrays.fill(r, words, r.length, 0L);
        return r;
    }

    /** Whether {@code s} holds exactly the threads enabled at {@code p}: a word per 64 threads. */
    static boolean sameAsEnabled(long[] s, ChoicePoint p) {
        int words = words(p);
        for (int w = 0; w < Math.max(words, s.length); w++) {
            long mine = w < s.length ? s[w] : 0;
            if (mine != (w < words ? p.enabledWord(w) : 0)) {
                return false;
            }
        }
        return true;
    }

    /** The words that hold the threads of {@code p}'s run. */
    private static int words(ChoicePoint p) {
        return Math.max(1, (p.threadCount() + 63) >>> 6);
    }
}
