package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.explore.MonitorDeadlock;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent jar, as a user gets it: ASM relocated inside it, the agent manifest, and a
 * child JVM started with {@code -javaagent} that instruments a small program (two child JVMs in
 * all). Runs after {@code package}, on the JDK that runs the build.
 */
class AgentJarIT {

    private static Path agentJar() {
        return ChildJvm.agentJar();
    }

    private static ChildJvm.Outcome runChild(String agentArgs)
            throws IOException, InterruptedException {
        return runChild(agentArgs, ChildJvm.testClasses(), "example.app.AgentDemo");
    }

    private static ChildJvm.Outcome runChild(
            String agentArgs, String classPath, String... mainAndArgs)
            throws IOException, InterruptedException {
        return ChildJvm.run(
                List.of("-javaagent:" + agentJar() + "=" + agentArgs), classPath, mainAndArgs);
    }

    @Test
    void jarShadesAsmAndDeclaresTheAgent() throws IOException {
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            assertEquals(
                    "io.refguard.agent.RefguardAgent",
                    jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            assertNotNull(jar.getEntry("io/refguard/agent/shaded/asm/ClassReader.class"));
            assertNotNull(jar.getEntry("io/refguard/agent/shaded/asm/tree/ClassNode.class"));
            assertFalse(
                    jar.stream().anyMatch(e -> e.getName().startsWith("org/objectweb/")),
                    "unrelocated ASM classes in the agent jar");
        }
    }

    @Test
    void javaagentInstrumentsAProgram() throws Exception {
        ChildJvm.Outcome o = runChild("include=example.app.*;verbose=true");
        assertEquals(0, o.exit(), o.err());
        List<String> lines = o.out().lines().toList();
        int line = SourceMarkers.of(example.app.AgentDemo.class).line("count");
        assertEquals(
                List.of(
                        "split=true",
                        "plain=4000",
                        "intercepted=4000",
                        "monitorEnters=2000",
                        "accesses=2001",
                        "starts=2",
                        "firstEnter=example.app.AgentDemo.increment(AgentDemo.java:" + line + ")"),
                lines);
        assertTrue(o.err().contains("refguard-agent: instrumented example.app.AgentDemo"), o.err());
        assertTrue(
                o.err()
                        .contains(
                                "no code sites for refguard's checker: refguard-core is not"
                                        + " on the class path"),
                "the class path holds only the demo: " + o.err());
        assertFalse(o.err().contains("WARNING"), o.err());
    }

    @Test
    void explorationUnderJavaagentMatchesTheInstrumentingLoader() throws Exception {
        ChildJvm.Outcome o =
                runChild(
                        "include=example.*",
                        ChildJvm.testClassPath(),
                        "example.app.ExploreUnderAgent",
                        "monitor deadlock");
        assertEquals(0, o.exit(), o.err());
        InterleavingFailure inProcess =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(MonitorDeadlock.class.getName())
                                        .scenarioName("monitor deadlock")
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(inProcess.table(), o.out());
    }

    @Test
    void malformedOptionsStopTheJvmWithAMessage() throws Exception {
        ChildJvm.Outcome o = runChild("include=example.app.*;bogus=1");
        assertEquals(2, o.exit(), o.err());
        assertTrue(o.err().contains("cannot read option 'bogus=1'"), o.err());
        assertFalse(o.err().contains("Exception"), "a stack trace for a user error: " + o.err());
    }
}
