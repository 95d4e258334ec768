package io.refguard.cases.fork;

import io.refguard.explore.Named;

/**
 * glibc's {@code list_t}: a node of a circular doubly linked list, used both as a list's head and
 * as the link embedded in a thread descriptor.
 *
 * <p>The links are volatile because {@code fork()} may copy memory between any two writes of a list
 * operation, and glibc's fix orders those writes with {@code atomic_write_barrier()}: a copy must
 * see them in program order. Under the refguard agent every access is a scheduling point, so the
 * explorer can take its snapshot between any two of them.
 */
final class ListHead implements Named {

    private final String name;
    volatile ListHead prev;
    volatile ListHead next;

    /** An empty list's head (linked to itself), or an unlinked node. */
    ListHead(String name) {
        this.name = name;
        this.prev = this;
        this.next = this;
    }

    @Override
    public String reportName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
