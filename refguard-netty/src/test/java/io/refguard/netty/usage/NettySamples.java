package io.refguard.netty.usage;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.refguard.junit.RefGuardLeakCheck;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Netty tests as a user writes them, with refguard's JUnit leak check and no refguard call in their
 * bodies: run by {@link NettyJUnitTest} in parallel. Two leak a pooled buffer at the same time on
 * two threads, one double-releases, one is clean; the barrier makes the three that allocate first
 * hold their buffers at once.
 */
@RefGuardLeakCheck
public class NettySamples {

    private static final PooledByteBufAllocator POOL = PooledByteBufAllocator.DEFAULT;

    private static volatile CyclicBarrier together = new CyclicBarrier(3);

    /** Which thread ran each test. */
    public static final Map<String, Thread> THREADS = new ConcurrentHashMap<>();

    /** Prepares a run. */
    public static void reset() {
        together = new CyclicBarrier(3);
        THREADS.clear();
    }

    @Test
    void leaksFirst() throws Exception {
        THREADS.put("leaksFirst", Thread.currentThread());
        ByteBuf buf = Lines.mark("leaksFirst", POOL.directBuffer(128));
        buf.writeBytes(new byte[16]);
        together.await(10, TimeUnit.SECONDS);
    }

    @Test
    void leaksSecond() throws Exception {
        THREADS.put("leaksSecond", Thread.currentThread());
        ByteBuf buf = Lines.mark("leaksSecond", POOL.heapBuffer(64));
        buf.retain();
        buf.release();
        together.await(10, TimeUnit.SECONDS);
    }

    @Test
    void cleanWhileTheOthersLeak() throws Exception {
        THREADS.put("cleanWhileTheOthersLeak", Thread.currentThread());
        ByteBuf buf = POOL.heapBuffer(64);
        buf.retain();
        together.await(10, TimeUnit.SECONDS);
        buf.release();
        buf.release();
    }

    @Test
    void releasesTwice() {
        ByteBuf buf = POOL.heapBuffer(64);
        buf.writeInt(1);
        Lines.mark("firstRelease", buf).release();
        Lines.mark("secondRelease", buf).release();
    }
}
