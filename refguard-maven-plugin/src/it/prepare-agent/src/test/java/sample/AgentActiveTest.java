package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentActiveTest {

    @Test
    void testsRunUnderTheAgentWithTheProjectsArgLineKept() throws Exception {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(
                args.stream()
                        .anyMatch(
                                a ->
                                        a.startsWith("-javaagent:")
                                                && a.contains("refguard-agent")
                                                && a.endsWith("=include=sample.*")),
                args.toString());
        assertEquals("kept", System.getProperty("sample.flag"), args.toString());
        Counter c = new Counter();
        c.increment();
        assertEquals(1, c.value());
        // the agent's site table holds the instrumented accesses of Counter
        Class<?> sites = Class.forName("io.refguard.agent.bridge.Instructions");
        int count = (int) sites.getMethod("count").invoke(null);
        assertTrue(count >= 3, "instrumented sites: " + count);
    }
}
