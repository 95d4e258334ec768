package io.refguard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.refguard.Ref;
import io.refguard.RefCounted;
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
 * Full checking with code sites: refguard TRACKED with access records against Netty's PARANOID leak
 * detection. Each operation is retain (acquire), touch with a hint, release (close): three recorded
 * sites on both sides.
 *
 * <p>Question answered: can full tracking stay on in test suites and staging (goal: at least 5x
 * faster than Netty PARANOID)?
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "-Drefguard.mode=tracked",
            "-Drefguard.records=true",
            "-Dio.netty.leakDetection.level=paranoid"
        })
public class TrackedBench {

    private static final String HINT = "decoded";

    private ByteBuf nettyBuffer;
    private Counted guard;

    @Setup(Level.Trial)
    public void setUp() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        nettyBuffer = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
        if (!nettyBuffer.getClass().getSimpleName().contains("LeakAware")) {
            throw new IllegalStateException(
                    "Netty did not hand out a leak-aware buffer: "
                            + nettyBuffer.getClass().getName()
                            + "; the comparison would be unfair");
        }
        guard = new Counted();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        nettyBuffer.release();
        guard.close();
    }

    @Benchmark
    public void nettyParanoid() {
        nettyBuffer.retain();
        nettyBuffer.touch(HINT);
        nettyBuffer.release();
    }

    @Benchmark
    public void refguardTracked() {
        Ref<Counted> ref = guard.acquire();
        ref.touch(HINT);
        ref.close();
    }

    /** A tracked resource with nothing to free. */
    static final class Counted extends RefCounted<Counted> {
        @Override
        protected void deallocate() {}
    }
}
