package io.refguard.cases.reftable;

import io.refguard.Ref;
import java.util.List;

/**
 * The merged iterator over a stack: one sub-iterator per reader, yielding records in ref-name
 * order; for a name present in several tables the newest table's record wins. It reads the readers
 * it was given on every {@link #next()}, so they must stay alive until {@link #close()}.
 */
final class RefIterator implements AutoCloseable {

    private final List<Reader> tables;
    private final int[] position;
    private final List<Ref<Reader>> owned;

    /**
     * @param tables the readers to merge, oldest first
     * @param owned references this iterator owns and closes in {@link #close()}; empty when the
     *     iterator borrows the stack's readers
     */
    RefIterator(List<Reader> tables, List<Ref<Reader>> owned) {
        this.tables = List.copyOf(tables);
        this.position = new int[tables.size()];
        this.owned = List.copyOf(owned);
    }

    /** The next record as {@code name=value}, or null when every table is exhausted. */
    String next() {
        String best = null;
        int winner = -1;
        for (int t = 0; t < tables.size(); t++) {
            Reader r = tables.get(t);
            if (position[t] < r.size()) {
                String key = r.key(position[t]);
                // later tables are newer: on equal keys the later one wins
                if (best == null || key.compareTo(best) <= 0) {
                    best = key;
                    winner = t;
                }
            }
        }
        if (best == null) {
            return null;
        }
        String value = tables.get(winner).value(position[winner]);
        for (int t = 0; t < tables.size(); t++) {
            Reader r = tables.get(t);
            if (position[t] < r.size() && r.key(position[t]).equals(best)) {
                position[t]++;
            }
        }
        return best + "=" + value;
    }

    /** Closes the references this iterator owns. */
    @Override
    public void close() {
        for (Ref<Reader> r : owned) {
            r.close();
        }
    }
}
