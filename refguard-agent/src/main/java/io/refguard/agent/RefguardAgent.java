package io.refguard.agent;

import java.lang.instrument.Instrumentation;

/**
 * The entry point of {@code -javaagent:refguard-agent.jar[=options]}: registers a
 * {@link RefguardTransformer} so that classes loaded afterwards are instrumented. See
 * {@link AgentOptions} for the options and {@code docs/AGENT.md} for usage.
 *
 * <p>With the {@code sites} option on (the default) and refguard-core on the class path, it also
 * sets {@code -Drefguard.callSites=true} before any refguard class initializes, unless the
 * property is set already, and installs the table from which refguard's checker resolves the
 * code sites of instrumented calls (see {@link AgentOptions#sites()}).
 *
 * <p>Only static loading is supported: dynamic attach would leave already loaded classes
 * uninstrumented, and recent JDKs warn about it. {@code Launcher-Agent-Class} is declared too,
 * for an executable jar that bundles the agent.
 */
public final class RefguardAgent {

    private static volatile boolean attached;

    private RefguardAgent() {}

    /**
     * Whether the agent was attached to this JVM ({@code -javaagent} or an executable jar's
     * {@code Launcher-Agent-Class}) and instruments classes as they load.
     */
    public static boolean attached() {
        return attached;
    }

    /**
     * Called by the JVM before {@code main} for {@code -javaagent}.
     *
     * <p>When the options are malformed it prints which and what is accepted on standard error
     * and exits the JVM with status 2: instrumenting with options the user did not mean would
     * hide the mistake.
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
            // A user error on the command line: say so plainly, without a stack trace.
            System.err.println(e.getMessage());
            System.err.println("refguard-agent: the JVM stops here; fix the -javaagent argument"
                    + " or the refguard.agent.* system properties");
            System.exit(2);
            return;
        }
        // Before the transformer exists, so before any application class loads: CallSites fixes
        // SUPPLIED from the property when it initializes, which switchOnForJvm causes.
        boolean sites = options.sites() && CallSiteSupply.switchOnForJvm();
        inst.addTransformer(new RefguardTransformer(options), false);
        attached = true;
        if (options.verbose()) {
            AgentLog.info("active with " + options);
            if (options.sites() && !sites) {
                AgentLog.info("no code sites for refguard's checker: refguard-core is not on the"
                        + " class path, or -D" + CallSiteSupply.PROPERTY + " is not true");
            }
        }
    }
}
