package io.refguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code -javaagent} argument for the refguard agent and its merge into an existing {@code
 * argLine}: the pure part of {@link PrepareAgentMojo}, kept apart so it is tested without a Maven
 * runtime.
 */
final class AgentArgLine {

    private AgentArgLine() {}

    /**
     * The agent's options as the agent reads them: {@code key=value} pairs joined by {@code ;}, in
     * the given order, skipping null or blank values.
     *
     * @throws IllegalArgumentException when a value contains {@code ;}, which would split it
     */
    static String options(Map<String, String> options) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String v = e.getValue();
            if (v == null || v.isBlank()) {
                continue;
            }
            if (v.contains(";")) {
                throw new IllegalArgumentException(
                        "refguard option "
                                + e.getKey()
                                + " = '"
                                + v
                                + "' contains ';', which separates options: use ',' between patterns");
            }
            parts.add(e.getKey() + "=" + v.strip());
        }
        return String.join(";", parts);
    }

    /**
     * {@code -javaagent:<jar>[=<options>]}, in double quotes when the path or the options contain a
     * space (Surefire splits its {@code argLine} at spaces outside quotes).
     */
    static String javaagent(Path agentJar, String options) {
        String arg =
                "-javaagent:"
                        + agentJar.toAbsolutePath()
                        + (options == null || options.isEmpty() ? "" : "=" + options);
        return arg.indexOf(' ') >= 0 || arg.indexOf('\t') >= 0 ? '"' + arg + '"' : arg;
    }

    /**
     * {@code existing} followed by {@code agent}; just {@code agent} when there is nothing to keep.
     * An {@code existing} that already holds this exact argument is returned unchanged, so running
     * the goal twice in one build adds the agent once.
     */
    static String merge(String existing, String agent) {
        if (existing == null || existing.isBlank()) {
            return agent;
        }
        String kept = existing.strip();
        if ((" " + kept + " ").contains(" " + agent + " ")) {
            return kept;
        }
        return kept + " " + agent;
    }
}
