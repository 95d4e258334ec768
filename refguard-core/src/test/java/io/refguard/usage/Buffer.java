package io.refguard.usage;

import java.util.concurrent.atomic.AtomicInteger;

import io.refguard.RefCounted;

/** A test resource that counts its deallocations and checks liveness on every read. */
final class Buffer extends RefCounted<Buffer> {

    final AtomicInteger deallocations = new AtomicInteger();
    /** Set by deallocate; readers check it to prove they never see a freed buffer. */
    volatile boolean freed;
    private int value;

    int read() {
        ensureAccessible();
        return value;
    }

    void write(int v) {
        ensureAccessible();
        value = v;
    }

    @Override
    protected void deallocate() {
        freed = true;
        deallocations.incrementAndGet();
    }
}
