package io.refguard.agent.explore;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.bridge.SyncBridge;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.report.InterleavingReport;
import io.refguard.explore.Scenario;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Explores a plain Java program, one that never calls refguard, under the interleaving explorer:
 * every {@code synchronized}, {@code wait}/{@code notify}, {@code java.util.concurrent} lock,
 * atomic, volatile access and thread start of the program becomes a scheduling point, and the
 * threads it starts (directly or through an {@code Executors} pool) are the explorer's threads.
 *
 * <p>Two ways in:
 * <ul>
 *   <li>{@link #mainClass(String)}: the program's classes are loaded through a fresh
 *       {@link io.refguard.agent.InstrumentingClassLoader} for every run, so every run starts
 *       with fresh static state, and its {@code main(String[])} (or, for a {@code Runnable} with
 *       a no-argument constructor, {@code run()}) runs as the thread {@code main}. No agent is
 *       needed. This is what {@code refguard explore --class C} runs.
 *   <li>{@link #entry(String, Supplier)}: code already instrumented in this JVM, by
 *       {@code -javaagent} or a loader the caller made. The supplier runs before every run, on the
 *       exploring thread, and must build fresh state; the {@code Runnable} it returns runs as
 *       {@code main}. Static state is not reset between runs.
 * </ul>
 *
 * <pre>{@code
 * ExploreResult r = AgentExplorer.mainClass("com.acme.Transfer")
 *         .classPath(List.of(Path.of("target/classes")))
 *         .explore(ExploreOptions.exhaustive());   // throws InterleavingFailure with the report
 * }</pre>
 *
 * <p>A failure is an uncaught exception in any of the program's threads (a failed {@code assert}
 * included: assertions are enabled in the classes loaded per run), a deadlock, a thread that
 * never stops, or a thread stuck where the explorer cannot schedule it (I/O, a thread the
 * explorer did not start). The report shows one column per program thread, each step with the
 * program's own {@code File.java:line}.
 *
 * <p>Not thread-safe: configure and explore on one thread. Explorations run one at a time per JVM.
 */
public final class AgentExplorer {

    /** The name of the column of the thread that runs the entry point. */
    public static final String MAIN_THREAD = "main";

    /** The default of {@link #foreignWait(Duration)}. */
    public static final Duration DEFAULT_FOREIGN_WAIT = Duration.ofSeconds(1);

    private final String mainClass;
    private final Supplier<? extends Runnable> entry;
    private String name;
    private String[] args = new String[0];
    private final List<Path> classPath = new ArrayList<>();
    private ClassLoader parent;
    private AgentOptions agentOptions;
    private Duration foreignWait = DEFAULT_FOREIGN_WAIT;
    private TimeoutMode timeouts;
    private boolean reuseClasses;
    private ProgramEntry lastProgram;

    private AgentExplorer(String mainClass, Supplier<? extends Runnable> entry, String name) {
        this.mainClass = mainClass;
        this.entry = entry;
        this.name = name;
    }

    /**
     * Explores the program whose entry point is class {@code className} (binary name, such as
     * {@code com.acme.Main}), loaded and instrumented afresh for every run.
     */
    public static AgentExplorer mainClass(String className) {
        Objects.requireNonNull(className, "className");
        if (className.isBlank()) {
            throw new IllegalArgumentException("name the class whose main method to explore");
        }
        return new AgentExplorer(className, null, className);
    }

    /**
     * Explores code already instrumented in this JVM (by {@code -javaagent}, or loaded through an
     * {@code InstrumentingClassLoader} by {@code entry}). Before each run {@code entry} is called
     * on the exploring thread to build fresh state; the {@code Runnable} it returns runs as the
     * thread {@code main}.
     *
     * @param scenarioName names the exploration in reports and replay tokens
     */
    public static AgentExplorer entry(String scenarioName, Supplier<? extends Runnable> entry) {
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(entry, "entry");
        return new AgentExplorer(null, entry, scenarioName);
    }

    /** The arguments passed to {@code main}; none by default. */
    public AgentExplorer args(String... arguments) {
        this.args = arguments.clone();
        return this;
    }

    /**
     * Where to find the program's classes and libraries, besides the parent loader (for
     * {@link #mainClass}); empty by default.
     */
    public AgentExplorer classPath(List<Path> entries) {
        classPath.addAll(entries);
        return this;
    }

    /**
     * The loader that supplies the classes not instrumented per run, refguard's own included (for
     * {@link #mainClass}); by default the loader of this class.
     */
    public AgentExplorer parent(ClassLoader loader) {
        this.parent = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /**
     * Which classes to instrument and load afresh per run (for {@link #mainClass}). By default the
     * package of the main class and its subpackages; widen it to explore the libraries the program
     * uses as well.
     */
    public AgentExplorer agentOptions(AgentOptions options) {
        this.agentOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Loads the program's classes once for the whole exploration instead of once per run (for
     * {@link #mainClass}); off by default. Runs are then several times faster (freshly defined
     * classes run interpreted, and their lambdas are spun again), but static state carries over
     * from run to run: use it only for programs that keep none, or reset it themselves.
     */
    public AgentExplorer reuseClasses(boolean reuse) {
        this.reuseClasses = reuse;
        return this;
    }

    /** The scenario name shown in reports; by default the class name or the entry's name. */
    public AgentExplorer scenarioName(String scenarioName) {
        this.name = Objects.requireNonNull(scenarioName, "scenarioName");
        return this;
    }

    /**
     * How long a program thread waits, in real time, for something only a thread outside the
     * exploration can do (release a real lock it holds, finish) before the run fails with an
     * explanation; 1 s by default. Keep it below the explorer's {@code runTimeout}.
     */
    public AgentExplorer foreignWait(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("foreignWait must be positive, was " + wait);
        }
        this.foreignWait = wait;
        return this;
    }

    /**
     * When the program's timed waits may time out (see {@link TimeoutMode}); by default the mode
     * that {@code -Drefguard.explore.timeouts} names, else {@link TimeoutMode#ORDERED}. Replay a
     * token with the mode it was found with.
     */
    public AgentExplorer timeouts(TimeoutMode mode) {
        this.timeouts = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * How many classes the last {@link #explore} (of a {@link #mainClass}) instrumented; 0 before
     * it, or for an {@link #entry}.
     */
    public int instrumentedClasses() {
        return lastProgram == null ? 0 : lastProgram.transformer().instrumentedCount();
    }

    /**
     * How many classes the last {@link #explore} could not instrument and ran unchanged (each is
     * reported on standard error); 0 before it, or for an {@link #entry}.
     */
    public int instrumentationFailures() {
        return lastProgram == null ? 0 : lastProgram.transformer().failureCount();
    }

    /** Explores with {@link ExploreOptions#defaults()}. */
    public ExploreResult explore() {
        return explore(ExploreOptions.defaults());
    }

    /**
     * Explores the program.
     *
     * @return what was explored, when no schedule failed
     * @throws InterleavingFailure for the first failing schedule, with its report and replay token
     * @throws IllegalArgumentException when the main class cannot be found or has no entry point
     * @throws IllegalStateException when another exploration is running in this JVM, or the
     *     program does not behave the same way when a schedule is repeated
     */
    public ExploreResult explore(ExploreOptions options) {
        Objects.requireNonNull(options, "options");
        ExploringInterceptor interceptor = new ExploringInterceptor(foreignWait.toNanos(),
                timeouts != null ? timeouts : TimeoutMode.fromProperty());
        URLClassLoader classPathLoader = null;
        try {
            Supplier<? extends Runnable> runs = entry;
            if (mainClass != null) {
                ClassLoader base = parent != null ? parent : AgentExplorer.class.getClassLoader();
                if (!classPath.isEmpty()) {
                    classPathLoader = ProgramEntry.classPathLoader(classPath, base);
                    base = classPathLoader;
                }
                lastProgram = new ProgramEntry(mainClass, args, base, agentOptions, reuseClasses);
                runs = lastProgram;
            }
            Supplier<? extends Runnable> perRun = runs;
            SyncBridge.install(interceptor);
            interceptor.active = true;
            try {
                return Explorer.scenario(name)
                        .setup(perRun::get)
                        .actor(MAIN_THREAD, body -> {
                            ThreadModel main = interceptor.enterEntry(MAIN_THREAD);
                            try {
                                body.run();
                            } finally {
                                main.finished = true;
                            }
                        })
                        .explore(options);
            } finally {
                interceptor.active = false;
                SyncBridge.uninstall(interceptor);
            }
        } finally {
            if (classPathLoader != null) {
                try {
                    classPathLoader.close();
                } catch (IOException e) {
                    // nothing was written; the jars are only read
                }
            }
        }
    }

    /**
     * Explores a scenario whose actors run instrumented code: classes loaded through an
     * {@link io.refguard.agent.InstrumentingClassLoader}, or instrumented by {@code -javaagent}.
     * While it runs, their synchronization (volatile and atomic accesses, monitors,
     * {@code wait}/{@code notify}, {@code java.util.concurrent} locks, conditions, semaphores and
     * latches, parking, thread starts and executors) becomes scheduling points and modeled
     * operations, as for a program.
     *
     * @throws InterleavingFailure for the first failing schedule, with its report and replay token
     * @throws IllegalStateException as {@link Scenario#explore(ExploreOptions)} does, or when
     *     another exploration is running in this JVM
     */
    public static ExploreResult explore(Scenario<?> scenario, ExploreOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        return intercepting(() -> scenario.explore(options));
    }

    /**
     * Runs the schedule of {@code token} on a scenario of instrumented code once, traced, and
     * returns its report whether it fails or passes ({@link Scenario#trace(String)}).
     */
    public static InterleavingReport trace(Scenario<?> scenario, String token) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(token, "token");
        return intercepting(() -> scenario.trace(token));
    }

    private static <R> R intercepting(Supplier<R> exploration) {
        ExploringInterceptor interceptor = new ExploringInterceptor(
                DEFAULT_FOREIGN_WAIT.toNanos(), TimeoutMode.fromProperty());
        SyncBridge.install(interceptor);
        interceptor.active = true;
        try {
            return exploration.get();
        } finally {
            interceptor.active = false;
            SyncBridge.uninstall(interceptor);
        }
    }
}
