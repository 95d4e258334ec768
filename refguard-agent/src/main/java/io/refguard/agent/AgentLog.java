package io.refguard.agent;

/**
 * One-line messages on standard error, prefixed {@code refguard-agent:}. Deliberately not a logging
 * framework: the agent runs before the application configures one, and must not load the
 * application's.
 */
final class AgentLog {

    private AgentLog() {}

    static void info(String message) {
        System.err.println("refguard-agent: " + message);
    }

    static void warn(String message) {
        System.err.println("refguard-agent: WARNING: " + message);
    }
}
