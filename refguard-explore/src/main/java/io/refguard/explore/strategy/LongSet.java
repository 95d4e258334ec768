package io.refguard.explore.strategy;

/**
 * An open-addressing set of schedule hashes, to count distinct schedules of randomized search
 * without boxing. Stops growing at {@link #MAX_SIZE} entries, after which counts are lower bounds.
 */
final class LongSet {

    static final int MAX_SIZE = 1 << 22;

    private long[] table = new long[1024];
    private boolean hasZero;
    private int size;

    /** Adds {@code v}; true if it was not present, false if it was or the set is full. */
    boolean add(long v) {
        if (v == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size >= MAX_SIZE) {
            return false;
        }
        int mask = table.length - 1;
        int i = (int) (v ^ (v >>> 32)) * 0x9E3779B9 & mask;
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        if (++size * 2 > table.length) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = (int) (v ^ (v >>> 32)) * 0x9E3779B9 & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }
}
