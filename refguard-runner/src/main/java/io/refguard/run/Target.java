package io.refguard.run;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.agent.explore.LostTaskFailures;
import io.refguard.agent.explore.TimeoutMode;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Scenario;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one exploration explores: a class resolved by the convention of {@link ScenarioClasses} (a
 * scenario class is loaded instrumented and its scenario explored; a class with a {@code main}
 * method is explored as a whole program, its classes loaded and instrumented once, with fresh
 * static state in every run), or a scenario or program body given in code. {@link
 * Explored#run(Target, ExploreOptions, io.refguard.CheckMode)} explores it. Close it when done: a
 * scenario class's loader is released then.
 */
public final class Target implements Closeable {

    /** How the target is explored. */
    public enum Kind {
        /** A scenario class: its {@code scenario()} is explored. */
        SCENARIO,
        /** A program: its {@code main(String[])} runs as the thread {@code main}. */
        PROGRAM
    }

    private final String name;
    private final Kind kind;
    private final Scenario<?> scenario; // for a scenario class
    private final Function<ExploreOptions, ExploreResult> program; // for a program
    private final InstrumentingClassLoader loader;
    private final AgentOptions agent; // for a resolved class; null for one given in code
    private AgentExplorer explorer; // for a resolved program

    private Target(
            String name,
            Kind kind,
            Scenario<?> scenario,
            Function<ExploreOptions, ExploreResult> program,
            InstrumentingClassLoader loader) {
        this(name, kind, scenario, program, loader, null);
    }

    private Target(
            String name,
            Kind kind,
            Scenario<?> scenario,
            Function<ExploreOptions, ExploreResult> program,
            InstrumentingClassLoader loader,
            AgentOptions agent) {
        this.name = name;
        this.kind = kind;
        this.scenario = scenario;
        this.program = program;
        this.loader = loader;
        this.agent = agent;
    }

    /**
     * The plain (non-volatile, non-final) fields, as {@code Owner.field}, that the classes
     * instrumented for this target so far accessed without a scheduling point: a race on them was
     * not explored. Empty when plain fields are scheduling points, or for a target given in code.
     */
    public List<String> plainFieldsLeft() {
        return agent == null || agent.plainFields() ? List.of() : agent.plainFieldsLeft();
    }

    /**
     * The libraries holding state that threads share which the default exclusions left
     * uninstrumented although the program loaded them ({@link AgentOptions#librariesLeftOut}):
     * their state was not interleaved. Empty for a target given in code.
     */
    public List<String> librariesLeftOut() {
        return agent == null ? List.of() : agent.librariesLeftOut();
    }

    /**
     * How many short timed waits the last exploration of a resolved program met that timed out only
     * when no other thread could go on ({@link AgentExplorer#shortTimedWaits}); 0 for a scenario,
     * or unless the mode is {@link TimeoutMode#ORDERED}.
     */
    public long shortTimedWaits() {
        return explorer == null ? 0 : explorer.shortTimedWaits();
    }

    /**
     * How many runs of the last exploration of a resolved program ended a thread at an expired
     * safety net ({@link AgentExplorer#expiredSafetyNets}); 0 for a scenario.
     */
    public long expiredSafetyNets() {
        return explorer == null ? 0 : explorer.expiredSafetyNets();
    }

    /** The first of {@link #expiredSafetyNets()}, in words, or null. */
    public String firstExpiredSafetyNet() {
        return explorer == null ? null : explorer.firstExpiredSafetyNet();
    }

    /**
     * The exceptions of submitted tasks that the last exploration of a resolved program saw thrown
     * and never read from their futures ({@link AgentExplorer#lostTaskFailures}); none for a
     * scenario.
     */
    public LostTaskFailures lostTaskFailures() {
        return explorer == null ? new LostTaskFailures(0, null) : explorer.lostTaskFailures();
    }

    /** A scenario given in code, loaded by the caller. */
    public static Target scenario(Scenario<?> scenario) {
        return new Target(scenario.name(), Kind.SCENARIO, scenario, null, null);
    }

    /**
     * A program given in code: {@code body} runs as the thread {@code main} once per schedule,
     * through the agent's program explorer; {@code fresh} gives the body of each run.
     */
    public static Target program(String name, Supplier<? extends Runnable> fresh) {
        AgentExplorer program = AgentExplorer.entry(name, fresh);
        Target t = new Target(name, Kind.PROGRAM, null, program::explore, null);
        t.explorer = program;
        return t;
    }

    /**
     * Finds the class {@code className} and decides how to explore it.
     *
     * @param classPath directories and jars holding the class and what it uses, each existing;
     *     empty: the class is read from {@code parent}
     * @param include class-name patterns to instrument; empty: the default for a program (every
     *     class but test frameworks, build tools and mocking libraries, and the class's own
     *     package)
     * @param plainFields whether accesses to plain fields of instrumented classes are scheduling
     *     points too; null for the default: yes for a program, whose races on plain fields are as
     *     real as any, no for a scenario class, whose author chose its points
     * @param args the arguments for a program's {@code main}; must be empty for a scenario class
     * @param timeouts when a program's timed waits may time out; null for the default ({@link
     *     TimeoutMode#ORDERED} unless {@code -Drefguard.explore.timeouts} says otherwise)
     * @param parent the loader refguard's own classes come from
     * @throws ScenarioLoadException when the class cannot be found, loaded or used, or the other
     *     arguments do not fit it; the message says what to change
     */
    public static Target resolve(
            String className,
            List<Path> classPath,
            List<String> include,
            Boolean plainFields,
            List<String> args,
            TimeoutMode timeouts,
            ClassLoader parent) {
        AgentOptions agent =
                (include.isEmpty()
                                ? AgentOptions.forProgram(className)
                                : AgentOptions.defaults()
                                        .withInclude(include.toArray(new String[0])))
                        .withPlainFields(Boolean.TRUE.equals(plainFields));
        if (!agent.instruments(className)) {
            throw new ScenarioLoadException(
                    "--include "
                            + String.join(",", include)
                            + " does not cover "
                            + className
                            + "; include its package, or leave --include out");
        }
        InstrumentingClassLoader probeLoader = loader(parent, agent, classPath);
        try {
            Class<?> c = ScenarioClasses.load(className, probeLoader);
            if (ScenarioClasses.factory(c) != null) {
                if (!args.isEmpty()) {
                    throw new ScenarioLoadException(
                            className
                                    + " is a scenario class: it takes no program"
                                    + " arguments (got "
                                    + args
                                    + ")");
                }
                return new Target(
                        className,
                        Kind.SCENARIO,
                        ScenarioClasses.scenario(c),
                        null,
                        probeLoader,
                        agent);
            }
            probeLoader.close(); // a program gets loaders of its own
            if (ScenarioClasses.main(c) != null) {
                agent = agent.withPlainFields(plainFields == null || plainFields);
                AgentExplorer program =
                        AgentExplorer.mainClass(className)
                                .parent(parent)
                                .classPath(classPath)
                                .agentOptions(agent)
                                .args(args.toArray(new String[0]));
                if (timeouts != null) {
                    program.timeouts(timeouts);
                }
                Target t = new Target(className, Kind.PROGRAM, null, program::explore, null, agent);
                t.explorer = program;
                return t;
            }
        } catch (RuntimeException | Error e) {
            probeLoader.close();
            throw e;
        }
        throw new ScenarioLoadException(
                "class "
                        + className
                        + " has neither a 'public static Scenario<?> "
                        + ScenarioClasses.FACTORY
                        + "()' method nor a 'public static void main(String[])' method;"
                        + " give a scenario class or a program's main class");
    }

    /** The class name, or the name given in code. */
    public String name() {
        return name;
    }

    /** Whether a scenario or a whole program is explored. */
    public Kind kind() {
        return kind;
    }

    /**
     * Explores with {@code options}: a scenario through the agent's adapter, so that the
     * synchronization of instrumented code its actors run (volatile fields, atomics, monitors,
     * {@code wait}/{@code notify}, thread start and join, {@code java.util.concurrent} locks,
     * latches, parking and executors) becomes scheduling points and modeled operations; a program
     * through the agent's program explorer.
     *
     * @throws io.refguard.explore.InterleavingFailure for the first failing schedule
     * @throws io.refguard.explore.InterleavingInconclusive when refguard could not control the code
     * @throws IllegalStateException when the explorer refuses the scenario
     */
    public ExploreResult explore(ExploreOptions options) {
        return scenario != null ? AgentExplorer.explore(scenario, options) : program.apply(options);
    }

    @Override
    public void close() {
        if (loader != null) {
            loader.close();
        }
    }

    /**
     * The loader of a scenario class, or of the probe of a program's main class: every class on the
     * class path {@code entries} is defined by it (those {@code agent} accepts instrumented), so
     * the program and its libraries are loaded together; without entries, the classes {@code agent}
     * accepts are read from the command's own class path.
     */
    private static InstrumentingClassLoader loader(
            ClassLoader parent, AgentOptions agent, List<Path> entries) {
        try {
            return entries.isEmpty()
                    ? new InstrumentingClassLoader(parent, agent)
                    : new InstrumentingClassLoader(parent, agent, entries);
        } catch (IllegalArgumentException e) {
            throw new ScenarioLoadException(e.getMessage(), e);
        }
    }
}
