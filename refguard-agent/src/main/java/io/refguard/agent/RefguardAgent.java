package io.refguard.agent;

import java.lang.instrument.Instrumentation;

/**
 * The entry point of {@code -javaagent:refguard-agent.jar[=options]}: registers a
 * {@link RefguardTransformer} so that classes loaded afterwards are instrumented. See
 * {@link AgentOptions} for the options and {@code docs/AGENT.md} for usage.
 *
 * <p>Only static loading is supported: dynamic attach would leave already loaded classes
 * uninstrumented, and recent JDKs warn about it. {@code Launcher-Agent-Class} is declared too,
 * for an executable jar that bundles the agent.
 */
public final class RefguardAgent {

    private RefguardAgent() {}

    /**
     * Called by the JVM before {@code main} for {@code -javaagent}.
     *
     * @throws IllegalArgumentException when the options are malformed; the message, also printed
     *     on standard error, says which and what is accepted, and the JVM does not start
     */
    public static void premain(String agentArgs, Instrumentation inst) {
        install(agentArgs, inst);
    }

    /** Called by the JVM for an executable jar that names this class as Launcher-Agent-Class. */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        install(agentArgs, inst);
    }

    private static void install(String agentArgs, Instrumentation inst) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(agentArgs, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            throw e;
        }
        inst.addTransformer(new RefguardTransformer(options), false);
        if (options.verbose()) {
            AgentLog.info("active with " + options);
        }
    }
}
