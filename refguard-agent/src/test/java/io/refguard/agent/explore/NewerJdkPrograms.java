package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Test programs that use APIs newer than the project's JDK 17 build can compile (virtual threads,
 * JDK 25's delayed tasks): kept as test resources and compiled with the running JDK.
 */
final class NewerJdkPrograms {

    private NewerJdkPrograms() {}

    /**
     * Compiles the resources {@code /<resources>/<name>.java} for each of {@code names} into {@code
     * classes}, failing the test if they do not compile.
     */
    static void compile(Path classes, String resources, List<String> names) throws IOException {
        Path sources = classes.resolve("src");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none"));
        for (String p : names) {
            Path file = sources.resolve(p + ".java");
            Files.createDirectories(file.getParent());
            try (InputStream in =
                    NewerJdkPrograms.class.getResourceAsStream(
                            "/" + resources + "/" + p + ".java")) {
                Files.copy(in, file);
            }
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(
                0,
                javac.run(null, null, null, args.toArray(new String[0])),
                "the programs compile");
    }
}
