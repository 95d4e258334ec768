package io.refguard.cases.reftable;

/** Opening a table failed: {@code tables.list} names a file that no longer exists. */
final class TableMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TableMissingException(String name) {
        super(
                "table "
                        + name
                        + " does not exist (deleted by a compaction since tables.list was read)");
    }
}
