package io.refguard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.refguard.CheckMode;
import io.refguard.LeakScope;
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
 * A Netty buffer's life, checked by Netty's own leak detector at each of its levels and by refguard
 * through refguard-netty in each of its modes: allocate a pooled 256-byte buffer, write 64 bytes,
 * retain it, touch it with a hint, read it back, release twice. Each benchmark runs in a fork of
 * its own, since Netty fixes its buffers' detector once per JVM.
 *
 * <p>Question answered: what does checking Netty's buffers with refguard cost against Netty's own
 * levels (refguard TRACKED with access records against PARANOID, SAMPLED against SIMPLE, OFF and
 * PRESENCE against DISABLED)?
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NettyAdapterBench {

    private static final String REFGUARD =
            "-Dio.netty.customResourceLeakDetector=io.refguard.netty.RefGuardLeakDetector";
    private static final byte[] PAYLOAD = new byte[64];
    private static final String HINT = "decoded";

    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
    public long nettyDisabled() {
        return life();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=simple")
    public long nettySimple() {
        return life();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=paranoid")
    public long nettyParanoid() {
        return life();
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {REFGUARD, "-Drefguard.mode=off"})
    public long refguardOff() {
        return life();
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {REFGUARD, "-Drefguard.mode=sampled"})
    public long refguardSampled() {
        return life();
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {REFGUARD, "-Drefguard.mode=off"})
    public long refguardPresence(PresenceScope scope) {
        return life();
    }

    @Benchmark
    @Fork(
            value = 1,
            jvmArgsAppend = {REFGUARD, "-Drefguard.mode=tracked", "-Drefguard.records=true"})
    public long refguardTracked() {
        return life();
    }

    private long life() {
        ByteBuf buf = alloc.heapBuffer(256);
        buf.writeBytes(PAYLOAD);
        buf.retain();
        buf.touch(HINT);
        long sum = buf.getLong(0) + buf.getLong(56) + buf.readableBytes();
        buf.release();
        buf.release();
        return sum;
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

        /** Closes it there; it throws if a buffer was left alive. */
        @TearDown(Level.Trial)
        public void close() {
            scope.close();
        }
    }
}
