package programs.apps.bufpool.fix.pool;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed set of off-heap buffers, handed out and returned. */
public final class DirectBufferPool {
    private final BlockingQueue<ByteBuffer> free;
    private final int capacity;
    private final AtomicInteger outstanding = new AtomicInteger();

    public DirectBufferPool(int buffers, int size) {
        this.capacity = buffers;
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(ByteBuffer.allocateDirect(size));
        }
    }

    public ByteBuffer acquire(long timeoutMs) throws InterruptedException {
        ByteBuffer b = free.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (b == null) {
            throw new IllegalStateException("no direct buffer within " + timeoutMs + " ms ("
                    + outstanding.get() + " outstanding)");
        }
        outstanding.incrementAndGet();
        b.clear();
        return b;
    }

    public void release(ByteBuffer b) {
        outstanding.decrementAndGet();
        if (!free.offer(b)) {
            throw new IllegalStateException("buffer returned twice");
        }
    }

    public int available() { return free.size(); }

    public int capacity() { return capacity; }
}
