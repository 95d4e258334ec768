package io.refguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The argLine computation of {@code prepare-agent}: options, quoting, and merging. */
class AgentArgLineTest {

    static final Path JAR = Path.of("/repo/io/refguard/refguard-agent.jar");

    static Map<String, String> options(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void optionsJoinWithSemicolonsInOrderAndSkipUnset() {
        assertEquals(
                "include=com.acme.*,org.x.*;verbose=true",
                AgentArgLine.options(
                        options(
                                "include",
                                "com.acme.*,org.x.*",
                                "exclude",
                                null,
                                "plainFields",
                                " ",
                                "verbose",
                                "true")));
        assertEquals("", AgentArgLine.options(options("include", null)));
    }

    @Test
    void aSemicolonInAValueIsRefusedWithAHint() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AgentArgLine.options(options("include", "a.*;b.*")));
        assertTrue(e.getMessage().contains("use ','"), e.getMessage());
    }

    @Test
    void javaagentNamesTheJarAndItsOptions() {
        assertEquals(
                "-javaagent:" + JAR.toAbsolutePath() + "=include=com.acme.*",
                AgentArgLine.javaagent(JAR, "include=com.acme.*"));
        assertEquals("-javaagent:" + JAR.toAbsolutePath(), AgentArgLine.javaagent(JAR, ""));
    }

    @Test
    void aPathWithSpacesIsQuotedWhole() {
        Path spaced = Path.of("/my repo/agent.jar");
        assertEquals(
                "\"-javaagent:" + spaced.toAbsolutePath() + "=verbose=true\"",
                AgentArgLine.javaagent(spaced, "verbose=true"));
    }

    @Test
    void mergeAppendsToAnExistingArgLine() {
        String agent = AgentArgLine.javaagent(JAR, "include=com.acme.*");
        assertEquals(agent, AgentArgLine.merge(null, agent));
        assertEquals(agent, AgentArgLine.merge("  ", agent));
        assertEquals("-Xmx1g -ea " + agent, AgentArgLine.merge(" -Xmx1g -ea ", agent));
    }

    @Test
    void mergeAddsTheSameAgentOnlyOnce() {
        String agent = AgentArgLine.javaagent(JAR, "include=com.acme.*");
        String once = AgentArgLine.merge("-Xmx1g", agent);
        assertEquals(once, AgentArgLine.merge(once, agent));
        String other = AgentArgLine.javaagent(JAR, "include=org.other.*");
        assertEquals(once + " " + other, AgentArgLine.merge(once, other));
    }
}
