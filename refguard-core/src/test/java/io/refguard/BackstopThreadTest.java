package io.refguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The GC backstop's thread runs only while a tracked reference is open: it ends once every one is
 * closed (so tools that schedule every thread of a program see no thread waiting forever), and the
 * next tracked reference starts it again, in time to report that reference's leak. Checked in a JVM
 * of its own ({@link BackstopLifecycleMain}), where other tests' references cannot keep it running.
 */
class BackstopThreadTest {

    @Test
    void theThreadEndsWhenNothingIsWatchedAndComesBackForTheNextLeak()
            throws IOException, InterruptedException {
        String classPath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("backstop", ".out");
        try {
            Process p =
                    new ProcessBuilder(
                                    java.toString(),
                                    "-cp",
                                    classPath,
                                    BackstopLifecycleMain.class.getName())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .redirectOutput(out.toFile())
                            .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end in 60 s");
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), printed);
            assertEquals(
                    List.of(
                            "closed all: thread runs",
                            "waited: thread ended",
                            "dropped a handle: thread runs",
                            "reported: LEAK",
                            "waited again: thread ended"),
                    printed.lines().toList(),
                    printed);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
