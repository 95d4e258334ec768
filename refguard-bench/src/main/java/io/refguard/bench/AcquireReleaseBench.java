package io.refguard.bench;

import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;
import io.refguard.RefCounted;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One acquire+release pair with checking OFF, against a bare {@link AtomicInteger} and Netty's
 * {@link AbstractReferenceCounted}. The {@code *Contended} variants run two threads on the same
 * object, so every pair bounces the count's cache line between the two cores.
 *
 * <p>Question answered: does the refcount's dead-object encoding and the hook check cost anything
 * over Netty's count (goal: at most 1.0x Netty)?
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Drefguard.mode=off")
public class AcquireReleaseBench {

    private final AtomicInteger atomic = new AtomicInteger(1);
    private final NettyCounted netty = new NettyCounted();
    private final GuardCounted guard = new GuardCounted();

    @Benchmark
    public void atomicInteger() {
        atomic.incrementAndGet();
        atomic.decrementAndGet();
    }

    @Benchmark
    public void netty() {
        netty.retain();
        netty.release();
    }

    @Benchmark
    public void refguard() {
        guard.acquire().close();
    }

    @Benchmark
    @Threads(2)
    public void atomicIntegerContended() {
        atomicInteger();
    }

    @Benchmark
    @Threads(2)
    public void nettyContended() {
        netty();
    }

    @Benchmark
    @Threads(2)
    public void refguardContended() {
        refguard();
    }

    /** Netty's reference-counted base class with nothing to free. */
    static final class NettyCounted extends AbstractReferenceCounted {
        @Override
        protected void deallocate() {}

        @Override
        public ReferenceCounted touch(Object hint) {
            return this;
        }
    }

    /** refguard's reference-counted base class with nothing to free. */
    static final class GuardCounted extends RefCounted<GuardCounted> {
        @Override
        protected void deallocate() {}
    }
}
