package io.refguard.cases.reftable;

import io.refguard.Ref;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One process's view of a reftable stack: a reader per table named in {@code tables.list}, oldest
 * first, each held through one reference that the stack owns.
 *
 * <p>A stack is used by one thread, as in git; it races only with other processes, through the
 * {@link Disk}. Every entry point reloads first (git checks for a newer {@code tables.list}
 * whenever the reftable backend is called), so a read in the middle of an iteration reloads the
 * stack under the iterator: that is the setting of the first seed bug. The reload algorithm and the
 * iterator are the variants' business.
 */
abstract class Stack implements AutoCloseable {

    final Disk disk;

    /** The stack's references, one per table, oldest first; confined to the owning thread. */
    List<Ref<Reader>> readers = List.of();

    Stack(Disk disk) {
        this.disk = disk;
    }

    /**
     * {@code reftable_stack_reload()}: re-reads {@code tables.list} and opens the tables it names.
     * A table that vanished between reading the list and opening it was compacted away by another
     * process; if the list changed meanwhile the reload retries, as {@code
     * reftable_stack_reload_maybe_reuse} does, else the error reaches the caller. An unchanged list
     * leaves the stack alone ({@code stack_uptodate()}).
     */
    final void reload() {
        while (true) {
            List<String> names = disk.readList();
            if (names.equals(currentNames())) {
                return; // stack_uptodate(): nothing changed
            }
            try {
                reloadOnce(names);
                return;
            } catch (TableMissingException e) {
                if (names.equals(disk.readList())) {
                    throw e;
                }
            }
        }
    }

    /**
     * {@code reftable_stack_reload_once()}: makes the stack's readers those of {@code names},
     * reusing the readers it already has for tables still listed.
     *
     * @throws TableMissingException when a listed table no longer exists; the stack must then be as
     *     it was
     */
    abstract void reloadOnce(List<String> names);

    /** A merged iterator over the stack's current readers. Close it when done. */
    abstract RefIterator iterator();

    /** Reads one ref: reloads, then looks it up in the newest table first. */
    final String read(String ref) {
        reload();
        for (int i = readers.size() - 1; i >= 0; i--) {
            String v = readers.get(i).get().find(ref);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Removes the stack's reference to the reader of table {@code name} from {@code cur} and
     * returns it, or returns null when {@code cur} has none (upstream: {@code cur[i] = NULL}).
     */
    static Ref<Reader> take(List<Ref<Reader>> cur, String name) {
        for (Iterator<Ref<Reader>> it = cur.iterator(); it.hasNext(); ) {
            Ref<Reader> r = it.next();
            if (r.get().name().equals(name)) {
                it.remove();
                return r;
            }
        }
        return null;
    }

    /** The names of the stack's tables, oldest first. */
    final List<String> currentNames() {
        List<String> out = new ArrayList<>(readers.size());
        for (Ref<Reader> r : readers) {
            out.add(r.get().name());
        }
        return out;
    }

    /** The readers behind the stack's references, oldest first. */
    final List<Reader> currentReaders() {
        List<Reader> out = new ArrayList<>(readers.size());
        for (Ref<Reader> r : readers) {
            out.add(r.get());
        }
        return out;
    }

    /** Drops the stack's references. */
    @Override
    public void close() {
        for (Ref<Reader> r : readers) {
            r.close();
        }
        readers = List.of();
    }
}
