package io.refguard.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reports pasted into {@code docs/CASES.md} are the ones refguard prints today (up to identity
 * hashes and worker numbers), and every case of the registry is documented.
 */
class DocsTest {

    private static final Path CASES_MD = Path.of("..", "docs", "CASES.md");

    @Test
    void pastedReportsAreTheGoldenOnes() throws IOException {
        String docs = ReportTable.normalize(Files.readString(CASES_MD, StandardCharsets.UTF_8));
        for (String name : Cases.names()) {
            String report =
                    ReportTable.normalize(Outcomes.of(Outcomes.find(name, Variant.BUGGY)).table())
                            .strip();
            assertTrue(
                    docs.contains(report),
                    () ->
                            "docs/CASES.md does not show the current report of "
                                    + name
                                    + "; paste it from ./refguard cases "
                                    + name
                                    + " --variant buggy --reports:\n"
                                    + report);
        }
    }

    @Test
    void everyCaseAndModelIsDocumented() throws IOException {
        String docs = Files.readString(CASES_MD, StandardCharsets.UTF_8);
        for (SeedCase c : Cases.all()) {
            assertTrue(
                    docs.contains("### `" + c.name() + "`"),
                    () -> "docs/CASES.md has no section for " + c.name());
            String simple = c.scenarioClass().substring("io.refguard.cases.".length());
            assertTrue(docs.contains(simple), () -> "docs/CASES.md does not name " + simple);
        }
    }
}
