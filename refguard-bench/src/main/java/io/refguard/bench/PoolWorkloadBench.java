package io.refguard.bench;

import io.refguard.Ref;
import io.refguard.RefCounted;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A buffer pool serving requests, with checking OFF against the default SAMPLED mode. Each request
 * takes a buffer from the pool (a new reference-counted wrapper over pooled memory, as pooled
 * buffer libraries do), hands a second reference to a decoder, fills the buffer with a 1 KiB
 * request, checksums it, and releases both references, which returns the memory to the pool.
 *
 * <p>Question answered: what does leaving sampling on in production cost (goal: at most 1%)?
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PoolWorkloadBench {

    private static final int REQUEST_BYTES = 1024;

    private final ArrayDeque<byte[]> pool = new ArrayDeque<>();
    private int requestNumber;

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Drefguard.mode=off")
    public long off() {
        return serve();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Drefguard.mode=sampled")
    public long sampled() {
        return serve();
    }

    private long serve() {
        try (PooledBuffer buffer = take()) {
            byte[] memory = buffer.memory;
            int seed = ++requestNumber;
            for (int i = 0; i < REQUEST_BYTES; i++) {
                memory[i] = (byte) (seed * 31 + i);
            }
            try (Ref<PooledBuffer> decoding = buffer.acquire()) {
                return checksum(decoding.get().memory);
            }
        }
    }

    private static long checksum(byte[] data) {
        long sum = 1;
        for (byte b : data) {
            sum = sum * 131 + b;
        }
        return sum;
    }

    private PooledBuffer take() {
        byte[] memory = pool.pollFirst();
        return new PooledBuffer(memory != null ? memory : new byte[REQUEST_BYTES], pool);
    }

    /** A reference-counted view of pooled memory; the last release returns the memory. */
    static final class PooledBuffer extends RefCounted<PooledBuffer> {
        final byte[] memory;
        private final ArrayDeque<byte[]> pool;

        PooledBuffer(byte[] memory, ArrayDeque<byte[]> pool) {
            this.memory = memory;
            this.pool = pool;
        }

        @Override
        protected void deallocate() {
            pool.addFirst(memory);
        }
    }
}
