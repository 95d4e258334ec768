package io.refguard.bench;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.hook.Access;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntToLongFunction;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the refguard agent costs.
 *
 * <ul>
 *   <li>{@link #workload}: a lock- and atomic-heavy loop ({@code locks}: a {@code ReentrantLock}
 *       lock/unlock and an {@code AtomicLong} increment per iteration; {@code monitors}: a {@code
 *       synchronized} block, a volatile write and a volatile read), loaded normally ({@code plain})
 *       or through an {@link InstrumentingClassLoader} with no interceptor installed ({@code
 *       instrumented}), which is what a program under {@code -javaagent} runs when no exploration
 *       is active. Goal: instrumented within 5% of plain.
 *   <li>{@link #explore}: schedules per second of one exhaustive exploration of the same small
 *       model, a main thread that starts two threads which pass five volatile writes each, then
 *       joins them: written against the explicit API ({@code explicit}); as a plain program with
 *       fresh statics every run ({@code agentFreshStatics}, {@link AgentExplorer#mainClass}, the
 *       default), the same with static state that each run must see fresh ({@code
 *       agentStaticState}), with a fresh class loader per run, as fresh statics used to be had
 *       ({@code agentFreshLoaderPerRun}), with statics carried over ({@code agentReusedClasses}),
 *       and instrumented beforehand ({@code agentInstrumented}, {@link AgentExplorer#entry}). Goal:
 *       the agent, fresh statics included, loses no more than half the explicit API's rate.
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AgentOverheadBench {

    /** Iterations of the workload loop per benchmark call. */
    static final int ITERATIONS = 1_000;

    /** The measured loops; public so an instrumenting loader can define its own copy. */
    public static final class Workload implements IntToLongFunction {
        private final ReentrantLock lock = new ReentrantLock();
        private final AtomicLong counter = new AtomicLong();
        private final Object monitor = new Object();
        private volatile long published;
        private long guarded;

        /** {@code kind} 0: locks and atomics; 1: monitors and volatiles. */
        @Override
        public long applyAsLong(int kind) {
            long sum = 0;
            if (kind == 0) {
                for (int k = 0; k < ITERATIONS; k++) {
                    lock.lock();
                    try {
                        guarded++;
                    } finally {
                        lock.unlock();
                    }
                    sum += counter.incrementAndGet();
                }
            } else {
                for (int k = 0; k < ITERATIONS; k++) {
                    synchronized (monitor) {
                        guarded++;
                    }
                    published = k;
                    sum += published;
                }
            }
            return sum + guarded;
        }
    }

    /** The workload, loaded one way or the other. */
    @State(Scope.Thread)
    public static class Loaded {
        @Param({"plain", "instrumented"})
        public String loading;

        @Param({"locks", "monitors"})
        public String work;

        IntToLongFunction workload;
        int kind;

        @Setup
        public void load() throws ReflectiveOperationException {
            kind = work.equals("locks") ? 0 : 1;
            if (loading.equals("plain")) {
                workload = new Workload();
                return;
            }
            InstrumentingClassLoader loader =
                    new InstrumentingClassLoader(
                            AgentOverheadBench.class.getClassLoader(),
                            AgentOptions.defaults().withInclude(Workload.class.getName()));
            workload =
                    (IntToLongFunction)
                            Class.forName(Workload.class.getName(), true, loader)
                                    .getDeclaredConstructor()
                                    .newInstance();
            if (loader.transformer().instrumentedCount() != 1) {
                throw new IllegalStateException("the workload was not instrumented");
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long workload(Loaded s) {
        return s.workload.applyAsLong(s.kind);
    }

    /** Writes per thread in the exploration model. */
    static final int WRITES = 5;

    /** The model as a plain program: the agent turns its volatile writes into points. */
    public static final class PointsProgram {
        static final class Cell {
            volatile int value;
        }

        private PointsProgram() {}

        public static void main(String[] args) throws InterruptedException {
            Cell cell = new Cell();
            Runnable writer =
                    () -> {
                        for (int k = 0; k < WRITES; k++) {
                            cell.value = k;
                        }
                    };
            Thread t1 = new Thread(writer, "T1");
            Thread t2 = new Thread(writer, "T2");
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        }
    }

    /**
     * The model with static state: the shared cell is made by the class initializer and a run
     * counter must start at zero, so every run needs fresh statics.
     */
    public static final class StaticPointsProgram {
        static final class Cell {
            volatile int value;
        }

        static final Cell CELL = new Cell();
        static int runs;

        private StaticPointsProgram() {}

        public static void main(String[] args) throws InterruptedException {
            if (++runs != 1 || CELL.value != 0) {
                throw new IllegalStateException("statics carried over from an earlier run");
            }
            Runnable writer =
                    () -> {
                        for (int k = 0; k < WRITES; k++) {
                            CELL.value = k;
                        }
                    };
            Thread t1 = new Thread(writer, "T1");
            Thread t2 = new Thread(writer, "T2");
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        }
    }

    private static Class<?> loadPoints(ClassLoader loader) {
        try {
            return Class.forName(PointsProgram.class.getName(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void callMain(Class<?> program) {
        try {
            program.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same model against the explicit API. */
    static void explicitMain(Object cell) throws InterruptedException {
        Runnable writer =
                () -> {
                    for (int k = 0; k < WRITES; k++) {
                        Coordinator.point(cell, Access.WRITE, "volatile write Cell.value");
                    }
                };
        ActorHandle t1 = Coordinator.spawn("T1", writer);
        ActorHandle t2 = Coordinator.spawn("T2", writer);
        Coordinator.join(t1);
        Coordinator.join(t2);
    }

    /** Counts the schedules each exploration ran, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Schedules {
        /** Distinct schedules explored. */
        public long schedules;

        @Setup(Level.Iteration)
        public void reset() {
            schedules = 0;
        }
    }

    /** How the model is written and loaded. */
    @State(Scope.Benchmark)
    public static class Way {
        @Param({
            "explicit",
            "agentFreshStatics",
            "agentStaticState",
            "agentFreshLoaderPerRun",
            "agentReusedClasses",
            "agentInstrumented"
        })
        public String way;

        InstrumentingClassLoader instrumented;

        @Setup
        public void prepare() {
            instrumented =
                    new InstrumentingClassLoader(
                            AgentOverheadBench.class.getClassLoader(),
                            AgentOptions.defaults().withInclude(PointsProgram.class.getName()));
        }
    }

    static final ExploreOptions OPTIONS = ExploreOptions.exhaustive().preemptionBound(2);

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    public ExploreResult explore(Way w, Schedules counters) {
        ExploreResult r =
                switch (w.way) {
                    case "explicit" ->
                            Explorer.scenario("points")
                                    .setup(Object::new)
                                    .actor(
                                            AgentExplorer.MAIN_THREAD,
                                            AgentOverheadBench::explicitMain)
                                    .explore(OPTIONS);
                    case "agentFreshStatics" ->
                            AgentExplorer.mainClass(PointsProgram.class.getName())
                                    .agentOptions(
                                            AgentOptions.defaults()
                                                    .withInclude(PointsProgram.class.getName()))
                                    .explore(OPTIONS);
                    case "agentStaticState" ->
                            AgentExplorer.mainClass(StaticPointsProgram.class.getName())
                                    .agentOptions(
                                            AgentOptions.defaults()
                                                    .withInclude(
                                                            StaticPointsProgram.class.getName()))
                                    .explore(OPTIONS);
                    case "agentFreshLoaderPerRun" ->
                            AgentExplorer.entry(
                                            "points",
                                            () -> {
                                                // how fresh statics were had before: a new loader,
                                                // so new classes, every run
                                                Class<?> c = loadPoints(w.instrumented.freshCopy());
                                                return () -> callMain(c);
                                            })
                                    .explore(OPTIONS);
                    case "agentReusedClasses" ->
                            AgentExplorer.mainClass(PointsProgram.class.getName())
                                    .agentOptions(
                                            AgentOptions.defaults()
                                                    .withInclude(PointsProgram.class.getName()))
                                    .reuseClasses(true)
                                    .explore(OPTIONS);
                    default -> {
                        Class<?> c = loadPoints(w.instrumented);
                        yield AgentExplorer.entry("points", () -> () -> callMain(c))
                                .explore(OPTIONS);
                    }
                };
        counters.schedules += r.distinctSchedules();
        return r;
    }
}
