package io.refguard.explore.dogfood;

import io.refguard.RefCounted;
import io.refguard.explore.Named;

/**
 * A reference-counted test resource that checks its own lifetime: {@link #use()} fails if it runs
 * after deallocation, and a second deallocation fails at once.
 */
final class Resource extends RefCounted<Resource> implements Named {

    final String name;
    private int deallocations;

    Resource(String name) {
        this.name = name;
    }

    /** A read of the resource; it must still be allocated. */
    void use() {
        if (deallocations != 0) {
            throw new AssertionError(name + " used after it was deallocated: freed while held");
        }
    }

    int deallocations() {
        return deallocations;
    }

    @Override
    protected void deallocate() {
        if (++deallocations != 1) {
            throw new AssertionError(name + " deallocated " + deallocations + " times");
        }
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
