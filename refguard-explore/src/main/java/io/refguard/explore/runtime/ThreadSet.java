package io.refguard.explore.runtime;

import java.util.Arrays;

/**
 * A set of thread ids below {@link ChoicePoint#MAX_THREADS} (4,096 = 64 × 64) as a two-level bit
 * set: a word of 64 bits per 64 ids, and one summary word with a bit per non-empty word. Adding,
 * removing, testing, finding the next member from an id and clearing cost a few bit operations
 * whatever the number of threads; counting is kept as members change; finding the k-th member costs
 * one population count per non-empty word (at most 64). Iterating visits the members only, in id
 * order. Not thread-safe: touched only by the baton holder.
 */
final class ThreadSet {

    private long summary;
    private long[] words = new long[1];
    private int size;

    boolean contains(int id) {
        int w = id >>> 6;
        return w < words.length && (words[w] & (1L << id)) != 0;
    }

    /** Adds {@code id}; returns whether it was absent. */
    boolean add(int id) {
        int w = id >>> 6;
        if (w >= words.length) {
            words = Arrays.copyOf(words, Math.max(w + 1, Math.min(64, words.length * 2)));
        }
        long bit = 1L << id;
        long old = words[w];
        if ((old & bit) != 0) {
            return false;
        }
        words[w] = old | bit;
        summary |= 1L << w;
        size++;
        return true;
    }

    /** Removes {@code id}; returns whether it was present. */
    boolean remove(int id) {
        int w = id >>> 6;
        if (w >= words.length) {
            return false;
        }
        long bit = 1L << id;
        long old = words[w];
        if ((old & bit) == 0) {
            return false;
        }
        long now = old & ~bit;
        words[w] = now;
        if (now == 0) {
            summary &= ~(1L << w);
        }
        size--;
        return true;
    }

    /** Removes every member, touching only the non-empty words. */
    void clear() {
        for (long s = summary; s != 0; s &= s - 1) {
            words[Long.numberOfTrailingZeros(s)] = 0;
        }
        summary = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The bits of ids 0 to 63. */
    long firstWord() {
        return words[0];
    }

    /** The bits of ids {@code 64 * w} to {@code 64 * w + 63}. */
    long word(int w) {
        return w < words.length ? words[w] : 0;
    }

    /** The lowest member from {@code from} on, or -1. */
    int next(int from) {
        if (from < 0) {
            from = 0;
        }
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << from);
        if (word != 0) {
            return (w << 6) + Long.numberOfTrailingZeros(word);
        }
        if (w == 63) {
            return -1;
        }
        long rest = summary & (-1L << (w + 1));
        if (rest == 0) {
            return -1;
        }
        int v = Long.numberOfTrailingZeros(rest);
        return (v << 6) + Long.numberOfTrailingZeros(words[v]);
    }

    /** The member of rank {@code k} (0 for the lowest), or -1 when there are not that many. */
    int nth(int k) {
        if (k < 0 || k >= size) {
            return -1;
        }
        for (long s = summary; s != 0; s &= s - 1) {
            int w = Long.numberOfTrailingZeros(s);
            long word = words[w];
            int c = Long.bitCount(word);
            if (k < c) {
                for (; k > 0; k--) {
                    word &= word - 1;
                }
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            k -= c;
        }
        return -1;
    }

    /** Makes this set a copy of {@code other}. */
    void copyOf(ThreadSet other) {
        clear();
        if (words.length < other.words.length) {
            words = new long[other.words.length];
        }
        for (long s = other.summary; s != 0; s &= s - 1) {
            int w = Long.numberOfTrailingZeros(s);
            words[w] = other.words[w];
        }
        summary = other.summary;
        size = other.size;
    }
}
