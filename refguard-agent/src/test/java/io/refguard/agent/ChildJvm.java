package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a child JVM of the JDK that runs the tests, for the integration tests. */
final class ChildJvm {

    /** How a child JVM ended: exit status, standard output and standard error. */
    record Outcome(int exit, String out, String err) {}

    private ChildJvm() {}

    /** The packaged agent jar; failsafe sets its path. */
    static Path agentJar() {
        String jar = System.getProperty("refguard.agent.jar");
        assertNotNull(jar, "run through Maven failsafe, which sets refguard.agent.jar");
        return Path.of(jar);
    }

    /** The test classes directory; failsafe sets its path. */
    static String testClasses() {
        String dir = System.getProperty("refguard.test.classes");
        assertNotNull(dir, "run through Maven failsafe, which sets refguard.test.classes");
        return dir;
    }

    /** The whole test class path: this module's classes, refguard's modules, ASM, JUnit. */
    static String testClassPath() {
        return System.getProperty(
                "surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The entry of the test class path that holds refguard-core, for a minimal child path. */
    static String coreOnClassPath() {
        for (String entry : testClassPath().split(File.pathSeparator)) {
            if (entry.contains("refguard-core")) {
                return entry;
            }
        }
        throw new AssertionError("refguard-core is not on the test class path " + testClassPath());
    }

    /** Runs {@code java jvmArgs... -cp classPath mainAndArgs...} and waits at most 60 s for it. */
    static Outcome run(List<String> jvmArgs, String classPath, String... mainAndArgs)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath));
        command.addAll(List.of(mainAndArgs));
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, "the child JVM did not finish in 60 s: " + command);
            return new Outcome(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
