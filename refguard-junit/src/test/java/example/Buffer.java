package example;

import io.refguard.RefCounted;
import java.util.concurrent.atomic.AtomicInteger;

/** A reference-counted sample resource that counts how often it was freed. */
public final class Buffer extends RefCounted<Buffer> {

    /** Incremented by {@link #deallocate()}. */
    public final AtomicInteger frees = new AtomicInteger();

    @Override
    protected void deallocate() {
        frees.incrementAndGet();
    }
}
