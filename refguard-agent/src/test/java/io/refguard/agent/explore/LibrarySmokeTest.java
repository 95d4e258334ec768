package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.agent.AgentOptions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real libraries from Maven Central, instrumented together with a small program that uses them from
 * two threads, explored for a few schedules: every class must instrument and verify (no {@code
 * VerifyError}), and every schedule must end, with the program's own assertions holding. Classes
 * are reused across runs (the libraries hold no state these programs depend on), which keeps the
 * test quick.
 */
class LibrarySmokeTest {

    @ParameterizedTest
    @CsvSource({
        "example.libs.GuavaUse, com.google.common.*",
        "example.libs.CaffeineUse, com.github.benmanes.caffeine.*",
        "example.libs.NettyUse, io.netty.*"
    })
    void exploresALibraryWithoutVerifyErrorsOrHangs(String program, String library) {
        AgentOptions options = AgentOptions.defaults().withInclude("example.libs.*", library);
        AgentExplorer explorer =
                AgentExplorer.mainClass(program).agentOptions(options).reuseClasses(true);
        ExploreResult r =
                explorer.explore(
                        ExploreOptions.exhaustive().maxRuns(12).runTimeout(Duration.ofSeconds(5)));
        assertTrue(r.runs() >= 2, r::toString);
        assertTrue(
                explorer.instrumentedClasses() > 5,
                "instrumented only "
                        + explorer.instrumentedClasses()
                        + " classes: is the library included?");
        assertEquals(0, explorer.instrumentationFailures(), "see standard error");
    }
}
