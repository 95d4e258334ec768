package io.refguard.cases.reftable;

import io.refguard.RefCounted;
import io.refguard.explore.Named;
import java.util.List;

/**
 * The content of {@code tables.list}: the names of the stack's tables, oldest first. A writer
 * replaces the whole file atomically (write a new file, then rename it over the old one), which the
 * model expresses as a {@link io.refguard.swap.HotSwap} of immutable lists: a reader that opened
 * the old file keeps reading it.
 */
final class TablesList extends RefCounted<TablesList> implements Named {

    private final List<String> names;
    private final String reportName;

    TablesList(List<String> names) {
        this.names = List.copyOf(names);
        this.reportName = "tables.list " + this.names;
    }

    List<String> names() {
        ensureAccessible();
        return names;
    }

    @Override
    protected void deallocate() {
        // the file is closed; nothing else to free
    }

    @Override
    public String reportName() {
        return reportName; // tables.list [t1, t2]: which version of the file
    }
}
