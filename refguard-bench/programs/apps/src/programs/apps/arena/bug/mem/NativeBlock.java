package programs.apps.arena.bug.mem;

import java.nio.ByteBuffer;

/** A slot of the arena; close() gives it back. Closing twice must be harmless. */
public final class NativeBlock implements AutoCloseable {
    private final Arena arena;
    private final int slot;
    private final ByteBuffer memory;
    private volatile boolean freed;

    NativeBlock(Arena arena, int slot, ByteBuffer memory) {
        this.arena = arena;
        this.slot = slot;
        this.memory = memory;
    }

    public void putLong(int index, long v) { check(); memory.putLong(index * 8, v); }

    public long getLong(int index) { check(); return memory.getLong(index * 8); }

    private void check() {
        if (freed) throw new IllegalStateException("slot " + slot + " used after free");
    }

    @Override
    public void close() {
        if (!freed) {
            freed = true;
            arena.free(slot);
        }
    }
}
