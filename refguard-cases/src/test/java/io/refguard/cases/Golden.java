package io.refguard.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for rendered case reports, in {@code src/test/resources/golden/}. After a deliberate
 * change of a model or of the report format, run the tests with {@code
 * -Drefguard.golden.update=true}, which rewrites the files, and review the diff; then update the
 * pasted reports in {@code docs/CASES.md}, which a test keeps equal to these files.
 */
final class Golden {

    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("refguard.golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(
                        "golden file "
                                + file
                                + " is missing; create it by running the test"
                                + " with -Drefguard.golden.update=true, then review it. Actual text:\n"
                                + actual);
            }
            assertEquals(read(name), actual, "rendered report differs from " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String name) throws IOException {
        return Files.readString(DIR.resolve(name + ".txt"), StandardCharsets.UTF_8);
    }
}
