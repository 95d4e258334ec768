package programs.apps.arena.fix.mem;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/** A slot of the arena; close() gives it back. Closing twice must be harmless. */
public final class NativeBlock implements AutoCloseable {
    private final Arena arena;
    private final int slot;
    private final ByteBuffer memory;
    private final AtomicBoolean freed = new AtomicBoolean();

    NativeBlock(Arena arena, int slot, ByteBuffer memory) {
        this.arena = arena;
        this.slot = slot;
        this.memory = memory;
    }

    public void putLong(int index, long v) { check(); memory.putLong(index * 8, v); }

    public long getLong(int index) { check(); return memory.getLong(index * 8); }

    private void check() {
        if (freed.get()) throw new IllegalStateException("slot " + slot + " used after free");
    }

    @Override
    public void close() {
        if (freed.compareAndSet(false, true)) {   // exactly one closer frees the slot
            arena.free(slot);
        }
    }
}
