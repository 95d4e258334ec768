package io.refguard.cases.reftable;

import io.refguard.Ref;
import io.refguard.swap.HotSwap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The repository's reftable directory, shared by every process that opens the repository: the table
 * files and {@code tables.list}. Processes coordinate only through it, as git processes do through
 * the file system: a table file is written once and deleted by the compaction that replaces it, and
 * {@code tables.list} is replaced atomically.
 *
 * <p>Reading the list acquires and releases a reference to the current {@link TablesList}, and
 * publishing one swaps the {@link HotSwap}; those reference-count operations are where the
 * interleaving explorer may switch processes, just as a file read or a rename is where the kernel
 * may.
 */
final class Disk implements AutoCloseable {

    private final Map<String, TableFile> files = new ConcurrentHashMap<>();
    private final HotSwap<TablesList> list;

    /** Every reader ever opened on this disk, for the end-of-run check that each was freed. */
    final List<Reader> opened = new CopyOnWriteArrayList<>();

    Disk(TableFile... tables) {
        List<String> names = new ArrayList<>();
        for (TableFile t : tables) {
            files.put(t.name, t);
            names.add(t.name);
        }
        list = new HotSwap<>(new TablesList(names));
    }

    /** Reads {@code tables.list}. */
    List<String> readList() {
        try (Ref<TablesList> current = list.acquire()) {
            return current.get().names();
        }
    }

    /**
     * Opens a reader on table {@code name}; the caller owns the reader's creator reference.
     *
     * @throws TableMissingException when the file was deleted
     */
    Reader open(String name) {
        TableFile file = files.get(name);
        if (file == null) {
            throw new TableMissingException(name);
        }
        Reader r = new Reader(file);
        opened.add(r);
        return r;
    }

    /** Writes a new table file. */
    void write(TableFile table) {
        files.put(table.name, table);
    }

    /** Replaces {@code tables.list} (write a temporary file, rename it over the old one). */
    void publish(List<String> names) {
        list.swap(new TablesList(names));
    }

    /**
     * The compacting process: merges every listed table into one, publishes it, deletes the rest.
     */
    void compactAll() {
        List<String> names = readList();
        TableFile merged = files.get(names.get(0));
        StringBuilder name = new StringBuilder("t").append(names.get(0).substring(1));
        for (String n : names.subList(1, names.size())) {
            merged = TableFile.merge("", merged, files.get(n));
            name.append(n.substring(1));
        }
        String compacted = name.toString();
        write(new TableFile(compacted, merged.records));
        publish(List.of(compacted));
        for (String n : names) {
            files.remove(n);
        }
    }

    /** Closes {@code tables.list}; the test harness calls it when the run is over. */
    @Override
    public void close() {
        list.close();
    }
}
