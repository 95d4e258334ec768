package io.refguard.cases.reftable;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One immutable table file on disk: its name and its sorted records (ref name to value). Tables
 * never change once written; a compaction writes a new one.
 */
final class TableFile {

    final String name;
    final NavigableMap<String, String> records;

    TableFile(String name, Map<String, String> records) {
        this.name = name;
        this.records = Collections.unmodifiableNavigableMap(new TreeMap<>(records));
    }

    /** The table that replaces {@code older} then {@code newer}: a newer record wins its key. */
    static TableFile merge(String name, TableFile older, TableFile newer) {
        TreeMap<String, String> all = new TreeMap<>(older.records);
        all.putAll(newer.records);
        return new TableFile(name, all);
    }
}
