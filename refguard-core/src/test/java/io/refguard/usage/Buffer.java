package io.refguard.usage;

import io.refguard.RefCounted;
import java.util.concurrent.atomic.AtomicInteger;

/** A test resource that counts its deallocations and checks liveness on every read. */
final class Buffer extends RefCounted<Buffer> {

    final AtomicInteger deallocations = new AtomicInteger();

    /** Set by deallocate; readers check it to prove they never see a freed buffer. */
    volatile boolean freed;

    private int value;

    /** Plain (non-volatile) slots that holders write before closing; summed by deallocate. */
    final int[] slots = new int[8];

    /** The sum of {@link #slots} as deallocate saw it. */
    volatile int slotSumAtFree = -1;

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
        int sum = 0;
        for (int v : slots) {
            sum += v;
        }
        slotSumAtFree = sum;
        freed = true;
        deallocations.incrementAndGet();
    }
}
