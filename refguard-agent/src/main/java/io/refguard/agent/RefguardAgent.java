package io.refguard.agent;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The entry point of {@code -javaagent:refguard-agent.jar[=options]}: registers a {@link
 * RefguardTransformer} so that classes loaded afterwards are instrumented. See {@link AgentOptions}
 * for the options and {@code docs/AGENT.md} for usage.
 *
 * <p>With the {@code sites} option on (the default) and refguard-core on the class path, it also
 * sets {@code -Drefguard.callSites=true} before any refguard class initializes, unless the property
 * is set already, and installs the table from which refguard's checker resolves the code sites of
 * instrumented calls (see {@link AgentOptions#sites()}).
 *
 * <p>Only static loading is supported: dynamic attach would leave already loaded classes
 * uninstrumented, and recent JDKs warn about it. {@code Launcher-Agent-Class} is declared too, for
 * an executable jar that bundles the agent.
 */
public final class RefguardAgent {

    /** The options of the agent started in this JVM by {@code -javaagent}, or null. */
    private static volatile AgentOptions installed;

    private RefguardAgent() {}

    /**
     * The options of the agent when it was started in this JVM ({@code -javaagent}, or an
     * executable jar that names it), empty when it was not: then nothing is instrumented as it
     * loads, and explorations of code compiled without refguard see no scheduling points.
     */
    public static Optional<AgentOptions> installedOptions() {
        return Optional.ofNullable(installed);
    }

    /**
     * Whether the agent was attached to this JVM ({@code -javaagent} or an executable jar's {@code
     * Launcher-Agent-Class}) and instruments classes as they load.
     */
    public static boolean attached() {
        return installed != null;
    }

    /**
     * Called by the JVM before {@code main} for {@code -javaagent}.
     *
     * <p>When the options are malformed it prints which and what is accepted on standard error and
     * exits the JVM with status 2: instrumenting with options the user did not mean would hide the
     * mistake.
     */
    public static void premain(String agentArgs, Instrumentation inst) {
        install(agentArgs, inst);
    }

    /** Called by the JVM for an executable jar that names this class as Launcher-Agent-Class. */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        install(agentArgs, inst);
    }

    /**
     * Opens {@code java.lang} to refguard, so that the workers running explored threads can take
     * their inheritable thread locals ({@code explore.InheritedLocals}); a JVM that refuses leaves
     * them uninherited. Opens {@code java.util} too, so that refguard can see what a {@code
     * Collections.synchronized*} wrapper wraps ({@code explore.Callbacks}); refused, their
     * callbacks stay atomic. Exports {@code jdk.internal.misc} to refguard, whose {@code Unsafe}
     * writes repeatable identity hashes into object headers ({@code bridge.HeaderHashes}); the
     * public {@code sun.misc.Unsafe} would do, but warns on every JDK from 24.
     */
    private static void openJdkInternals(Instrumentation inst) {
        try {
            inst.redefineModule(
                    Thread.class.getModule(),
                    java.util.Set.of(),
                    java.util.Map.of(),
                    java.util.Map.of(
                            "java.lang",
                            java.util.Set.of(RefguardAgent.class.getModule()),
                            "java.util",
                            java.util.Set.of(RefguardAgent.class.getModule())),
                    java.util.Set.of(),
                    java.util.Map.of());
        } catch (RuntimeException e) {
            // not modifiable here: inheritable thread locals stay on the workers
        }
        try {
            inst.redefineModule(
                    Thread.class.getModule(),
                    java.util.Set.of(),
                    java.util.Map.of(
                            "jdk.internal.misc", java.util.Set.of(RefguardAgent.class.getModule())),
                    java.util.Map.of(),
                    java.util.Set.of(),
                    java.util.Map.of());
        } catch (RuntimeException e) {
            // not modifiable here: identity hashes stay the JVM's (bridge.HeaderHashes)
        }
    }

    private static void install(String agentArgs, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(agentArgs, System.getProperties());
        } catch (IllegalArgumentException e) {
            // A user error on the command line: say so plainly, without a stack trace.
            System.err.println(e.getMessage());
            System.err.println(
                    "refguard-agent: the JVM stops here; fix the -javaagent argument"
                            + " or the refguard.agent.* system properties");
            System.exit(2);
            return;
        }
        // Before the transformer exists, so before any application class loads: CallSites fixes
        // SUPPLIED from the property when it initializes, which switchOnForJvm causes.
        boolean sites = options.sites() && CallSiteSupply.switchOnForJvm();
        openJdkInternals(inst);
        inst.addTransformer(new RefguardTransformer(options), false);
        installed = options;
        if (options.verbose()) {
            AgentLog.info("active with " + options);
            if (options.sites() && !sites) {
                AgentLog.info(
                        "no code sites for refguard's checker: refguard-core is not on the"
                                + " class path, or -D"
                                + CallSiteSupply.PROPERTY
                                + " is not true");
            }
        }
    }
}
