package io.refguard.bench;

import java.lang.ref.Cleaner;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pieces of a tracked operation, each on its own: capturing a site as a {@code Throwable}
 * backtrace (what refguard and Netty PARANOID do) or with a {@link StackWalker} walk to the first
 * frame two below (what refguard did before), at two stack depths; and registering a handle with a
 * {@link Cleaner} and cleaning it again (what refguard's GC backstop costs per handle).
 *
 * <p>Question answered: which capture is cheaper, and what is left of a tracked operation's cost
 * once both sides capture alike?
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SiteCaptureBench {

    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Function<Stream<StackWalker.StackFrame>, StackWalker.StackFrame> THIRD =
            frames -> frames.skip(2).findFirst().orElse(null);
    private static final Cleaner CLEANER = Cleaner.create();
    private static final Runnable NOTHING = () -> {};

    /** Extra frames between the benchmark method and the capture. */
    @Param({"10", "60"})
    public int depth;

    @Benchmark
    public Object throwable() {
        return deep(depth, Throwable::new);
    }

    @Benchmark
    public Object stackWalker() {
        return deep(depth, () -> WALKER.walk(THIRD));
    }

    @Benchmark
    public Object cleanerRegisterAndClean() {
        Object handle = new Object();
        CLEANER.register(handle, NOTHING).clean();
        return handle;
    }

    private static Object deep(int frames, Supplier<Object> capture) {
        return frames == 0 ? capture.get() : deep(frames - 1, capture);
    }
}
