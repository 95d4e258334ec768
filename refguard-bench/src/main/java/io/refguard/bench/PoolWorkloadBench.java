package io.refguard.bench;

import io.refguard.CheckMode;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefCounted;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A buffer pool serving requests, with checking OFF against the default SAMPLED mode. Each request
 * takes a buffer from the pool (a new reference-counted wrapper over pooled memory, as pooled
 * buffer libraries do), hands a second reference to a decoder, fills the buffer with a 1 KiB
 * request, checksums it, and releases both references, which returns the memory to the pool.
 *
 * <p>Questions answered: what does leaving sampling on in production cost (goal: at most 1%)? What
 * does counting every object in a PRESENCE scope cost (goal: at most 1.1x OFF)?
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

    /** The same workload inside a PRESENCE scope: every buffer counted, none tracked. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Drefguard.mode=off")
    public long presence(PresenceScope scope) {
        return serve();
    }

    /** A PRESENCE leak scope bound to the benchmark thread for the whole trial. */
    @State(Scope.Thread)
    public static class PresenceScope {
        private LeakScope scope;

        /** Opens the scope on the benchmark thread. */
        @Setup(Level.Trial)
        public void open() {
            scope = LeakScope.open(CheckMode.PRESENCE);
        }

        /** Closes it there; it throws if the workload left a buffer alive. */
        @TearDown(Level.Trial)
        public void close() {
            scope.close();
        }
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
