package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code ForkJoinPool}'s delayed tasks (JDK 25: {@code scheduleAtFixedRate}, {@code schedule},
 * {@code submitWithTimeout}) on the virtual clock, with default options. The programs (test
 * resources under {@code jdk25/fj}) use methods the project's JDK 17 build cannot compile, so they
 * are compiled here with the running JDK; before JDK 25 the test does not run. Each buggy program
 * fails with its own failure, found where a delayed task and another thread's timeout are due
 * together, and its fix passes.
 */
@EnabledForJreRange(min = JRE.JAVA_25)
class ForkJoinDelaysTest {

    private static final List<String> PROGRAMS = List.of("PoolBeats", "PoolReload", "PoolTimeout");

    @TempDir static Path classes;

    @BeforeAll
    static void compilePrograms() throws IOException {
        NewerJdkPrograms.compile(classes, "jdk25/fj", PROGRAMS);
    }

    private static AgentExplorer program(String name) {
        return AgentExplorer.mainClass("fj." + name).classPath(List.of(classes));
    }

    @ParameterizedTest
    @CsvSource({
        "PoolBeats, 'counted 4 beats, expected 5'",
        "PoolReload, saw the old configuration after the reload was due",
        "PoolTimeout, CancellationException"
    })
    void theBugIsFoundAsTheProgramsOwnFailure(String name, String failure) {
        InterleavingFailure f =
                assertThrows(InterleavingFailure.class, () -> program(name).explore());
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        assertTrue(
                f.table().contains(failure), () -> "expected '" + failure + "' in\n" + f.table());
        assertTrue(f.table().contains("-delayScheduler"), f.table());
        assertFalse(f.table().contains("stuck"), f.table());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PoolBeats", "PoolReload", "PoolTimeout"})
    void theFixIsVerified(String name) {
        ExploreResult r = program(name + "$Fixed").explore();
        assertTrue(r.exhausted(), r::toString);
    }
}
