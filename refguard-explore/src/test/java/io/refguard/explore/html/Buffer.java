package io.refguard.explore.html;

import io.refguard.RefCounted;
import io.refguard.explore.Named;

/** A reference-counted buffer for the report fixtures; named in reports. */
final class Buffer extends RefCounted<Buffer> implements Named {

    private final String name;

    Buffer(String name) {
        this.name = name;
    }

    /** Reads the buffer; the checker fails it after release. */
    int read() {
        return name.length();
    }

    @Override
    protected void deallocate() {
        // returns the memory
    }

    @Override
    public String reportName() {
        return name;
    }
}
