package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ./refguard launcher says what is wrong with the JDK it was pointed at, in one line. */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", "refguard").toAbsolutePath().normalize();

    @Test
    void aJavaHomeWithoutJavaIsOneLineAndExitTwo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString(), "--version");
        pb.environment().put("JAVA_HOME", "/nonexistent/jdk");
        pb.environment().put("REFGUARD_NO_BUILD", "1");
        Process p = pb.start();
        String err = read(p.getErrorStream());
        String out = read(p.getInputStream());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
        assertEquals(2, p.exitValue(), out + err);
        assertEquals("", out);
        assertEquals(
                "refguard: JAVA_HOME is /nonexistent/jdk, which has no bin/java; point it at a JDK"
                        + " 17 or newer, or unset it to use the java on the PATH\n",
                err);
    }

    private static String read(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
