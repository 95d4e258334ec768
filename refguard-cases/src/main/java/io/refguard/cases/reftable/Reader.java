package io.refguard.cases.reftable;

import io.refguard.RefCounted;
import io.refguard.explore.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * An open table: the reftable reader. Reference-counted: whoever may still read it holds a
 * reference, and the last {@code close()} frees it ({@code deallocate()} closes the block source
 * and frees the name). Every accessor calls {@link #ensureAccessible()}, so reading a freed reader
 * is reported by the checker as a use after release, where C would read freed memory.
 */
final class Reader extends RefCounted<Reader> implements Named {

    private final String name;
    private final List<String> keys;
    private final List<String> values;

    Reader(TableFile file) {
        this.name = file.name;
        this.keys = new ArrayList<>(file.records.keySet());
        this.values = new ArrayList<>(file.records.values());
    }

    /** The table's file name. */
    String name() {
        ensureAccessible();
        return name;
    }

    /** The number of records. */
    int size() {
        ensureAccessible();
        return keys.size();
    }

    /** The key of record {@code i}: a read of the table's block. */
    String key(int i) {
        ensureAccessible();
        return keys.get(i);
    }

    /** The value of record {@code i}. */
    String value(int i) {
        ensureAccessible();
        return values.get(i);
    }

    /** The value stored for {@code ref}, or null. */
    String find(String ref) {
        ensureAccessible();
        int i = keys.indexOf(ref);
        return i < 0 ? null : values.get(i);
    }

    @Override
    protected void deallocate() {
        // block_source_close() and free(name): from here on, every accessor fails
    }

    @Override
    public String reportName() {
        return name;
    }
}
