package io.refguard.cli;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.cases.Exploration;
import io.refguard.cases.ScenarioClasses;
import io.refguard.cases.ScenarioLoadException;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Scenario;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A class resolved for exploration, by the convention of {@link ScenarioClasses}: a scenario class
 * is loaded instrumented and its scenario explored; a class with a {@code main} method is explored
 * as a whole program, its classes loaded and instrumented once, with fresh static state in every
 * run.
 */
final class Target implements Closeable {

    /** How the class is explored. */
    enum Kind {
        /** A scenario class: its {@code scenario()} is explored. */
        SCENARIO,
        /** A program: its {@code main(String[])} runs as the thread {@code main}. */
        PROGRAM
    }

    final String name;
    final Kind kind;
    private final Scenario<?> scenario; // for a scenario class
    private final Function<ExploreOptions, ExploreResult> program; // for a program
    private final InstrumentingClassLoader loader;

    private Target(
            String name,
            Kind kind,
            Scenario<?> scenario,
            Function<ExploreOptions, ExploreResult> program,
            InstrumentingClassLoader loader) {
        this.name = name;
        this.kind = kind;
        this.scenario = scenario;
        this.program = program;
        this.loader = loader;
    }

    /**
     * Finds the class and decides how to explore it.
     *
     * @param args the arguments for a program's {@code main}; must be empty for a scenario class
     * @throws ScenarioLoadException when the class cannot be found, loaded or used
     * @throws RefguardCommand.UserError when the options do not fit the class
     */
    static Target resolve(TargetOptions t, List<String> args) {
        List<Path> entries = t.classPathEntries();
        ClassLoader cli = Target.class.getClassLoader();
        List<String> include = t.includePatterns();
        AgentOptions agent =
                (include.isEmpty()
                                ? AgentOptions.forProgram(t.className)
                                : AgentOptions.defaults()
                                        .withInclude(include.toArray(new String[0])))
                        .withPlainFields(t.plainFields);
        if (!agent.instruments(t.className)) {
            throw new RefguardCommand.UserError(
                    "--include "
                            + String.join(",", include)
                            + " does not cover "
                            + t.className
                            + "; include its package, or leave --include out",
                    null);
        }
        InstrumentingClassLoader probeLoader = loader(cli, agent, entries);
        try {
            Class<?> c = ScenarioClasses.load(t.className, probeLoader);
            if (ScenarioClasses.factory(c) != null) {
                if (!args.isEmpty()) {
                    throw new RefguardCommand.UserError(
                            t.className
                                    + " is a scenario class: it takes no program"
                                    + " arguments (got "
                                    + args
                                    + ")",
                            null);
                }
                return new Target(
                        t.className, Kind.SCENARIO, ScenarioClasses.scenario(c), null, probeLoader);
            }
            probeLoader.close(); // a program gets loaders of its own
            if (ScenarioClasses.main(c) != null) {
                AgentExplorer program =
                        AgentExplorer.mainClass(t.className)
                                .parent(cli)
                                .classPath(entries)
                                .agentOptions(agent)
                                .args(args.toArray(new String[0]));
                return new Target(t.className, Kind.PROGRAM, null, program::explore, null);
            }
        } catch (RuntimeException | Error e) {
            probeLoader.close();
            throw e;
        }
        throw new ScenarioLoadException(
                "class "
                        + t.className
                        + " has neither a 'public static Scenario<?> "
                        + ScenarioClasses.FACTORY
                        + "()' method nor a 'public static void main(String[])' method;"
                        + " give a scenario class or a program's main class");
    }

    /**
     * Explores with {@code options}: a scenario with its instrumented code routed to the explorer
     * ({@link Exploration#run(Scenario, ExploreOptions)}), a program through the agent's program
     * explorer.
     */
    Exploration explore(ExploreOptions options) {
        return scenario != null
                ? Exploration.run(scenario, options)
                : Exploration.run(options, program);
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
            ClassLoader cli, AgentOptions agent, List<Path> entries) {
        try {
            return entries.isEmpty()
                    ? new InstrumentingClassLoader(cli, agent)
                    : new InstrumentingClassLoader(cli, agent, entries);
        } catch (IllegalArgumentException e) {
            throw new RefguardCommand.UserError(e.getMessage(), e);
        }
    }
}
