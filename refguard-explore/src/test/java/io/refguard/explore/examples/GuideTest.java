package io.refguard.explore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reports pasted into docs/EXPLORER.md are real test output: each block marked {@code <!--
 * golden: name -->} must equal the golden file the example tests pin.
 */
class GuideTest {

    @Test
    void pastedReportsMatchTheGoldenFiles() throws IOException {
        String guide =
                Files.readString(Path.of("..", "docs", "EXPLORER.md"), StandardCharsets.UTF_8);
        Matcher m =
                Pattern.compile("<!-- golden: ([a-z-]+) -->\n```text\n(.*?)```", Pattern.DOTALL)
                        .matcher(guide);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String golden =
                    Files.readString(
                            Path.of("src", "test", "resources", "golden", m.group(1) + ".txt"),
                            StandardCharsets.UTF_8);
            assertEquals(
                    golden, m.group(2), "docs/EXPLORER.md block '" + m.group(1) + "' is stale");
        }
        assertTrue(blocks >= 2, "the guide shows at least two real reports");
    }
}
