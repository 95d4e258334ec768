package io.refguard.explore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison for rendered reports. Expected texts live in {@code
 * src/test/resources/golden/}. To accept a deliberate format change, run the tests with {@code
 * -Drefguard.golden.update=true}, which rewrites the files, and review the diff.
 */
final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");

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
                                + " is missing; create it by running"
                                + " the test with -Drefguard.golden.update=true, then review it. Actual text:\n"
                                + actual);
            }
            assertEquals(
                    Files.readString(file, StandardCharsets.UTF_8),
                    actual,
                    "rendered report differs from " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
