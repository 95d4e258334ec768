package io.refguard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.hook.CallSites;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * Full checking with code sites supplied by the agent: the operation of {@link TrackedBench}
 * (acquire, touch with a hint, close on a tracked object with access records on: three recorded
 * sites) in code instrumented by the agent, so each site is a table entry instead of a stack walk,
 * against Netty's PARANOID leak detection doing retain, touch and release.
 *
 * <p>{@code refguardSupplied} runs the {@link Operation} loaded through an {@link
 * InstrumentingClassLoader}, which instruments it exactly as {@code -javaagent} would; the fork
 * sets {@code -Drefguard.callSites=true} as the agent's {@code premain} does. {@code
 * refguardWalked} runs the same class loaded plainly in the same kind of fork, so its sites are
 * walked: {@code TrackedBench.refguardTracked} plus the cost of asking {@link CallSites} first.
 *
 * <p>Question answered: with the agent, is full tracking at least 5x faster than Netty PARANOID?
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
            "-Drefguard.callSites=true",
            "-Dio.netty.leakDetection.level=paranoid"
        })
public class AgentSitesBench {

    private static final String HINT = "decoded";

    /**
     * The measured operation. Public, with a public constructor, so that an instrumenting loader
     * can define its own copy and the benchmark can reach it through {@link Runnable}.
     */
    public static final class Operation implements Runnable, BooleanSupplier, AutoCloseable {
        private final Counted guard = new Counted();

        /** Whether the checker tracks this operation's object, as the comparison requires. */
        @Override
        public boolean getAsBoolean() {
            return guard.isTracked();
        }

        /** Acquire, touch with a hint, close: the operation of {@link TrackedBench}. */
        @Override
        public void run() {
            Ref<Counted> ref = guard.acquire();
            ref.touch(HINT);
            ref.close();
        }

        /** Releases the creator's reference to the tracked object. */
        @Override
        public void close() {
            guard.close();
        }

        /** A tracked resource with nothing to free. */
        public static final class Counted extends RefCounted<Counted> {
            @Override
            protected void deallocate() {}
        }
    }

    private ByteBuf nettyBuffer;
    private Runnable supplied;
    private Runnable walked;

    /**
     * Loads the two copies of the operation and checks that the comparison is what it claims: sites
     * supplied in this JVM, the instrumented copy bracketed, both objects tracked, and a leak-aware
     * Netty buffer.
     */
    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        if (!CallSites.SUPPLIED) {
            throw new IllegalStateException(
                    "refguard.callSites is not true in this JVM: run"
                            + " through JMH, whose fork sets it (see @Fork)");
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        nettyBuffer = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
        if (!nettyBuffer.getClass().getSimpleName().contains("LeakAware")) {
            throw new IllegalStateException(
                    "Netty did not hand out a leak-aware buffer: "
                            + nettyBuffer.getClass().getName()
                            + "; the comparison would be unfair");
        }
        InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        AgentSitesBench.class.getClassLoader(),
                        AgentOptions.defaults().withInclude(Operation.class.getName()));
        supplied =
                (Runnable)
                        Class.forName(Operation.class.getName(), true, loader)
                                .getDeclaredConstructor()
                                .newInstance();
        // The operation has nothing but calls into refguard: it is instrumented only if they
        // were bracketed with call sites.
        if (loader.transformer().instrumentedCount() != 1) {
            throw new IllegalStateException("the agent did not supply sites to the operation");
        }
        walked = new Operation();
        if (!((BooleanSupplier) supplied).getAsBoolean()
                || !((BooleanSupplier) walked).getAsBoolean()) {
            throw new IllegalStateException(
                    "the operation's object is not tracked: run through"
                            + " JMH, whose fork sets -Drefguard.mode=tracked");
        }
    }

    /** Releases the Netty buffer and both tracked objects. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        nettyBuffer.release();
        ((AutoCloseable) supplied).close();
        ((AutoCloseable) walked).close();
    }

    /** Netty PARANOID: retain, touch with a hint, release, each recording a stack trace. */
    @Benchmark
    public void nettyParanoid() {
        nettyBuffer.retain();
        nettyBuffer.touch(HINT);
        nettyBuffer.release();
    }

    /** refguard TRACKED with records, the operation instrumented: three supplied sites. */
    @Benchmark
    public void refguardSupplied() {
        supplied.run();
    }

    /** refguard TRACKED with records, the operation loaded plainly: three stack walks. */
    @Benchmark
    public void refguardWalked() {
        walked.run();
    }
}
