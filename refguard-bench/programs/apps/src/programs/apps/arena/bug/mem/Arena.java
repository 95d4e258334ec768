package programs.apps.arena.bug.mem;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** One big off-heap region cut into fixed slots, recycled through a free list. */
public final class Arena {
    private final ByteBuffer region;
    private final int slotSize;
    private final int slots;
    private final ConcurrentLinkedQueue<Integer> freeSlots = new ConcurrentLinkedQueue<>();
    private final AtomicInteger frees = new AtomicInteger();

    public Arena(int slots, int slotSize) {
        this.slots = slots;
        this.slotSize = slotSize;
        this.region = ByteBuffer.allocateDirect(slots * slotSize);
        for (int i = 0; i < slots; i++) freeSlots.add(i);
    }

    public NativeBlock allocate() {
        Integer slot = freeSlots.poll();
        if (slot == null) throw new OutOfMemoryError("arena exhausted");
        ByteBuffer view;
        synchronized (region) {   // position/limit of the shared region are not thread-safe
            region.clear().position(slot * slotSize).limit((slot + 1) * slotSize);
            view = region.slice();
        }
        return new NativeBlock(this, slot, view);
    }

    void free(int slot) {
        frees.incrementAndGet();
        freeSlots.add(slot);
    }

    public int freeCount() { return freeSlots.size(); }

    public int distinctFree() { return new java.util.HashSet<>(freeSlots).size(); }

    public int slots() { return slots; }
}
