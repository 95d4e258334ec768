package io.refguard.agent.explore;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.RefguardAgent;
import io.refguard.agent.bridge.SyncBridge;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.Failure;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.InterleavingReport;
import io.refguard.explore.report.TableRenderer;
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
 *
 * <ul>
 *   <li>{@link #mainClass(String)}: the program's classes are loaded once through an {@link
 *       io.refguard.agent.InstrumentingClassLoader#forProgram} loader, which re-initializes their
 *       statics in every run, so every run starts with fresh static state, and its {@code
 *       main(String[])} (or, for a {@code Runnable} with a no-argument constructor, {@code run()})
 *       runs as the thread {@code main}. No agent is needed. This is what {@code refguard explore
 *       --class C} runs.
 *   <li>{@link #entry(String, Supplier)}: code already instrumented in this JVM, by {@code
 *       -javaagent} or a loader the caller made. The supplier runs before every run, on the
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
 * <p>A failure is an uncaught exception in any of the program's threads, unless the program gave
 * the thread a handler for it (a failed {@code assert} included: assertions are enabled in the
 * program's classes), a deadlock, a thread that never stops, or a thread stuck where the explorer
 * cannot schedule it (I/O, a thread the explorer did not start). The report shows one column per
 * program thread, each step with the program's own {@code File.java:line}.
 *
 * <p>Not thread-safe: configure and explore on one thread. Several explorations (of this class, of
 * scenarios, or of the plain explorer) may run at once in one JVM, each on its own thread: each has
 * its own threads, models and runs.
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

    /** The interceptor of the last {@link #explore}, for what it counted; null before it. */
    private ExploringInterceptor lastInterceptor;

    private boolean reuseClasses;
    private ProgramEntry lastProgram;

    private AgentExplorer(String mainClass, Supplier<? extends Runnable> entry, String name) {
        this.mainClass = mainClass;
        this.entry = entry;
        this.name = name;
    }

    /**
     * Explores the program whose entry point is class {@code className} (binary name, such as
     * {@code com.acme.Main}), loaded and instrumented once, its statics fresh in every run.
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
     * The program's class path: directories and jars of its classes and libraries (for {@link
     * #mainClass}); empty by default. Every class found there is defined by the program's own
     * loader, instrumented where the agent options accept it, so the program and its libraries are
     * loaded together as in a plain run; only the JDK and refguard come from the {@link #parent
     * parent}. Without a class path, the classes the agent options accept are read from the parent
     * and defined by the program's loader.
     */
    public AgentExplorer classPath(List<Path> entries) {
        classPath.addAll(entries);
        return this;
    }

    /**
     * The loader that supplies the classes the program does not define itself, refguard's own
     * included (for {@link #mainClass}); by default the loader of this class.
     */
    public AgentExplorer parent(ClassLoader loader) {
        this.parent = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /**
     * Which classes to instrument (for {@link #mainClass}). By default {@link
     * AgentOptions#forProgram every class not excluded}, the main class's package included;
     * includes and excludes narrow it.
     */
    public AgentExplorer agentOptions(AgentOptions options) {
        this.agentOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Lets static state carry over from run to run (for {@link #mainClass}); off by default, when
     * each class re-initializes its statics at its first use in every run. Use it for programs that
     * keep no static state, or reset it themselves, to save the re-initialization.
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

    /**
     * How many runs of the last {@link #explore} ended a thread at an expired safety net under
     * {@link TimeoutMode#SAFETY_NETS}: its own {@code AssertionError} or {@code TimeoutException}
     * right after one of its timed waits timed out at once. Not failures; 0 before it, or under the
     * other modes.
     */
    public long expiredSafetyNets() {
        ExploringInterceptor last = lastInterceptor;
        return last == null ? 0 : last.expiredSafetyNets();
    }

    /**
     * The first of {@link #expiredSafetyNets()}, in words ({@code main threw
     * java.lang.AssertionError: connect timed out at Client.java:22}), or null.
     */
    public String firstExpiredSafetyNet() {
        ExploringInterceptor last = lastInterceptor;
        return last == null ? null : last.firstSafetyNet();
    }

    /**
     * How many waits for another thread with a timeout of at most {@link
     * TimeoutMode#EARLY_LIMIT_NANOS} the last {@link #explore} met under {@link
     * TimeoutMode#ORDERED}, over all its runs: each timed out only when no other thread could go
     * on, and the other modes would also have explored it timing out at once. 0 before it, or under
     * the other modes.
     */
    public long shortTimedWaits() {
        ExploringInterceptor last = lastInterceptor;
        return last == null ? 0 : last.shortTimedWaits();
    }

    /**
     * The exceptions of submitted tasks that the last {@link #explore} saw thrown and never read
     * from their futures, over all its runs; none before it.
     */
    public LostTaskFailures lostTaskFailures() {
        ExploringInterceptor last = lastInterceptor;
        return last == null ? new LostTaskFailures(0, null) : last.lostTaskFailures();
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
     * @throws InterleavingInconclusive when refguard could not control the program, or runs of the
     *     same schedule differ (the message names the first step that differs and the program's
     *     classes whose state refguard does not reset)
     * @throws IllegalStateException when called on a thread of another exploration
     */
    public ExploreResult explore(ExploreOptions options) {
        Objects.requireNonNull(options, "options");
        ExploringInterceptor interceptor =
                new ExploringInterceptor(
                        foreignWait.toNanos(),
                        timeouts != null ? timeouts : TimeoutMode.fromProperty());
        lastInterceptor = interceptor;
        ProgramEntry program = null;
        try {
            Supplier<? extends Runnable> runs = entry;
            if (mainClass != null) {
                ClassLoader base = parent != null ? parent : AgentExplorer.class.getClassLoader();
                program =
                        new ProgramEntry(
                                mainClass, args, base, classPath, agentOptions, reuseClasses);
                lastProgram = program;
                runs = program;
            }
            Supplier<? extends Runnable> perRun = runs;
            try {
                ExploreResult r =
                        uncontrolledFirst(
                                "Program \"" + name + "\"",
                                interceptor,
                                () ->
                                        ExplorationRouter.explore(
                                                interceptor,
                                                () -> explore(name, perRun, interceptor, options)));
                if (entry != null
                        && !RefguardAgent.attached()
                        && r.schedulingPoints() <= r.runs()) {
                    // the main thread only started, in every run: nothing the entry ran was
                    // instrumented
                    throw notInstrumented(null);
                }
                return r;
            } catch (InterleavingInconclusive e) {
                if (e.kind() == FailureKind.NOT_DETERMINISTIC) {
                    throw notDeterministic(e, program);
                }
                throw e.kind() == FailureKind.NOT_INSTRUMENTED ? notInstrumented(e) : e;
            }
        } finally {
            interceptor.endExploration();
            if (program != null) {
                program.close();
            }
        }
    }

    /**
     * Why a program that reached no scheduling point was not explored, for its way in: with {@link
     * #entry} the code is instrumented by the agent, which may be missing; with {@link #mainClass}
     * the classes outside the include are not.
     */
    private InterleavingInconclusive notInstrumented(InterleavingInconclusive cause) {
        String head =
                "Program \""
                        + name
                        + "\" is inconclusive: nothing was interleaved.\n"
                        + "The program ran but reached no scheduling point: no thread start, lock, wait,"
                        + " volatile or atomic access that refguard could see, so the run proves nothing.\n";
        String fix;
        if (mainClass != null) {
            fix =
                    "Only the classes of "
                            + (agentOptions != null
                                    ? agentOptions.toString()
                                    : "the main class's package")
                            + " are instrumented. If the program's threads and"
                            + " synchronization live in other packages or in a library, widen the include"
                            + " (refguard explore --include com.acme.*,org.lib.*, or AgentOptions.withInclude).";
        } else if (!RefguardAgent.attached()) {
            fix =
                    "refguard's agent is not attached to this JVM, so no class is instrumented. In Maven,"
                            + " add the refguard-maven-plugin's prepare-agent goal, and if you set Surefire's"
                            + " <argLine> yourself, keep @{argLine} in it; without Maven, pass"
                            + " -javaagent:refguard-agent.jar=include=com.acme.* to the JVM.";
        } else {
            fix =
                    "refguard's agent is attached, but the code the entry runs is outside its include:"
                            + " widen it (-javaagent:refguard-agent.jar=include=com.acme.*, or the plugin's"
                            + " <includes>) to the package of the program's code.";
        }
        return new InterleavingInconclusive(FailureKind.NOT_INSTRUMENTED, head + fix, null);
    }

    /**
     * The scenario's verdict for runs of the same schedule that differ, told for a program: what
     * refguard resets between runs, what it leaves alone, and which of the program's classes it
     * left alone may hold state.
     */
    private InterleavingInconclusive notDeterministic(
            InterleavingInconclusive cause, ProgramEntry program) {
        List<String> why = new ArrayList<>();
        why.add(
                "refguard repeats a schedule by making the same choices, so every run of a schedule"
                        + " must take the same steps; these did not, which is refguard's limit, not a"
                        + " bug of the program.");
        if (program != null && !reuseClasses) {
            why.add(
                    "Every run re-initializes the static fields of the program's instrumented"
                            + " classes and reads the clock, thread ids, identity hashes and"
                            + " random numbers (ThreadLocalRandom, SecureRandom, new Random(),"
                            + " UUID.randomUUID(), /dev/urandom) from refguard; it does not reset"
                            + " enums and interfaces, classes outside the include, the JDK's own"
                            + " state (system properties, JMX, caches), nor files, sockets and"
                            + " what the garbage collector clears (weak references, cleaners).");
            if (!SyncBridge.repeatableIdentityHashes()) {
                why.add(
                        "This JVM did not let refguard fix identity hashes, so hash tables keyed by"
                                + " objects without a hashCode() of their own (threads, plain Object"
                                + " locks, an IdentityHashMap's keys) may iterate in another order"
                                + " in every run: give the JVM --add-exports"
                                + " java.base/jdk.internal.misc=ALL-UNNAMED, or explore under"
                                + " -javaagent.");
            }
            List<String> kept = program.classesNotReset();
            if (!kept.isEmpty()) {
                why.add(
                        "State may be kept from run to run in "
                                + String.join(", ", kept.subList(0, Math.min(5, kept.size())))
                                + (kept.size() > 5 ? " and " + (kept.size() - 5) + " more" : "")
                                + ".");
            }
            why.add(
                    "What to do: keep such state out of enums and interfaces or reset it at the"
                            + " start of main; narrow --include (AgentOptions.withInclude) to the"
                            + " code that races, so libraries that cache state run as plain code;"
                            + " and keep the program's threads from reading real time, randomness"
                            + " or files.");
        } else {
            why.add(
                    program != null
                            ? "Classes are reused from run to run (reuseClasses), so static state"
                                    + " carries over: explore without reuseClasses, or reset that"
                                    + " state at the start of main."
                            : "The entry must build fresh state in every run: reset static state,"
                                    + " caches and singletons the code keeps, and keep it from"
                                    + " reading real time, randomness or files.");
        }
        InterleavingReport r = cause.report();
        if (r == null) {
            return new InterleavingInconclusive(
                    FailureKind.NOT_DETERMINISTIC,
                    "Program \""
                            + name
                            + "\" is inconclusive: "
                            + FailureKind.NOT_DETERMINISTIC.phrase()
                            + ".\n"
                            + String.join("\n", why),
                    null);
        }
        Failure f = r.failure();
        InterleavingReport told =
                new InterleavingReport(
                        r.scenario(),
                        r.threads(),
                        r.events(),
                        new Failure(f.kind(), f.thread(), f.summary(), f.location(), why),
                        r.foundBy(),
                        r.runs(),
                        r.preemptions(),
                        r.replayToken(),
                        r.notes());
        return new InterleavingInconclusive(
                FailureKind.NOT_DETERMINISTIC, "\n" + TableRenderer.render(told), told);
    }

    private static ExploreResult explore(
            String scenarioName,
            Supplier<? extends Runnable> perRun,
            ExploringInterceptor interceptor,
            ExploreOptions options) {
        return Explorer.scenario(scenarioName)
                .setup(perRun::get)
                .actor(
                        MAIN_THREAD,
                        body -> {
                            Object own = InheritedLocals.enter(null); // main inherits nothing
                            interceptor.enterEntry(MAIN_THREAD);
                            try {
                                body.run();
                            } catch (Throwable e) {
                                interceptor.threadEnds(MAIN_THREAD, e);
                                throw ProgramEntry.Sneaky.<RuntimeException>as(e);
                            } finally {
                                UncontrolledThreads.unmark();
                                InheritedLocals.exit(own);
                            }
                            interceptor.checkUncontrolled();
                        })
                .explore(options);
    }

    /**
     * Explores a scenario whose actors run instrumented code: classes loaded through an {@link
     * io.refguard.agent.InstrumentingClassLoader}, or instrumented by {@code -javaagent}. While it
     * runs, their synchronization (volatile and atomic accesses, monitors, {@code wait}/{@code
     * notify}, {@code java.util.concurrent} locks, conditions, semaphores and latches, parking,
     * thread starts and executors) becomes scheduling points and modeled operations, as for a
     * program.
     *
     * @throws InterleavingFailure for the first failing schedule, with its report and replay token
     * @throws IllegalStateException as {@link Scenario#explore(ExploreOptions)} does
     */
    public static ExploreResult explore(Scenario<?> scenario, ExploreOptions options) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(options, "options");
        return intercepting(scenario, () -> scenario.explore(options));
    }

    /**
     * Runs the schedule of {@code token} on a scenario of instrumented code once, traced, and
     * returns its report whether it fails or passes ({@link Scenario#trace(String)}).
     */
    public static InterleavingReport trace(Scenario<?> scenario, String token) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(token, "token");
        return intercepting(scenario, () -> scenario.trace(token));
    }

    private static <R> R intercepting(Scenario<?> scenario, Supplier<R> exploration) {
        ExploringInterceptor x =
                new ExploringInterceptor(
                        DEFAULT_FOREIGN_WAIT.toNanos(), TimeoutMode.fromProperty());
        return uncontrolledFirst(
                "Scenario \"" + scenario.name() + "\"",
                x,
                () -> ExplorationRouter.explore(x, exploration));
    }

    /**
     * Runs {@code exploration}, and makes it inconclusive when a thread of the program ran outside
     * refguard's control in any run ({@link UncontrolledThreads}), whatever it found: a failure may
     * come from that thread, which no replay controls, and a pass proves nothing about it.
     */
    private static <R> R uncontrolledFirst(
            String what, ExploringInterceptor x, Supplier<R> exploration) {
        String head = what + " is inconclusive: " + FailureKind.OUT_OF_CONTROL.phrase() + ".\n";
        R result;
        try {
            result = exploration.get();
        } catch (InterleavingFailure | InterleavingInconclusive e) {
            String thread = x.uncontrolled.noticedInAnyRun();
            if (thread == null && e instanceof InterleavingFailure) {
                thread = x.uncontrolled.leftAlive();
            }
            boolean said =
                    e instanceof InterleavingInconclusive
                            && ((InterleavingInconclusive) e).kind() == FailureKind.OUT_OF_CONTROL;
            if (thread != null && !said) {
                InterleavingInconclusive i =
                        new InterleavingInconclusive(
                                FailureKind.OUT_OF_CONTROL,
                                head
                                        + UncontrolledThreads.message(thread)
                                        + "\nWhat the exploration found meanwhile may come from"
                                        + " that thread, so it is not its verdict:\n"
                                        + e.getMessage(),
                                null);
                i.addSuppressed(e);
                throw i;
            }
            throw e;
        }
        String thread = x.uncontrolled.noticedInAnyRun();
        if (thread != null) {
            throw new InterleavingInconclusive(
                    FailureKind.OUT_OF_CONTROL, head + UncontrolledThreads.message(thread), null);
        }
        return result;
    }
}
