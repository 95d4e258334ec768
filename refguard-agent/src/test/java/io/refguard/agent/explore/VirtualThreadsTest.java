package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
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

/**
 * Virtual threads (JDK 21+) explored like platform threads: {@code Thread.ofVirtual().start},
 * {@code Thread.startVirtualThread}, {@code Executors.newVirtualThreadPerTaskExecutor} and a
 * thread-per-task executor over a virtual builder's factory. The programs (test resources under
 * {@code jdk21/vt}) use these APIs, which the project's JDK 17 build cannot compile, so they are
 * compiled here with the running JDK; on JDK 17 the test does not run. Each buggy program fails
 * with its table, one column per virtual thread, and its fix passes the same exhaustive search.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsTest {

    private static final List<String> PROGRAMS =
            List.of(
                    "BuilderStart",
                    "StartVirtualThread",
                    "PerTaskExecutor",
                    "Unstarted",
                    "DurationWaits");

    @TempDir static Path classes;

    @BeforeAll
    static void compilePrograms() throws IOException {
        NewerJdkPrograms.compile(classes, "jdk21/vt", PROGRAMS);
    }

    private static AgentExplorer program(String name) {
        return AgentExplorer.mainClass("vt." + name).classPath(List.of(classes));
    }

    private static ExploreOptions options() {
        return ExploreOptions.exhaustive().preemptionBound(2);
    }

    @ParameterizedTest
    @CsvSource({
        "BuilderStart, 2 additions counted as 1, main adder-1 adder-2",
        "StartVirtualThread, 'sold 2 tickets, limit 1', main virtual#1 virtual#2",
        "PerTaskExecutor, 3 additions counted as 2, main virtual#1 task-1 static-1",
        "Unstarted, 2 additions counted as 1, main platform later"
    })
    void theBugIsFoundWithATableOfVirtualThreads(String name, String failure, String columns) {
        InterleavingFailure f =
                assertThrows(InterleavingFailure.class, () -> program(name).explore(options()));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        assertTrue(f.report().failure().summary().contains(failure), f.table());
        assertEquals(List.of(columns.split(" ")), f.report().threads(), f.table());
        assertTrue(f.report().preemptions() >= 1, f.table());
        InterleavingFailure replayed =
                assertThrows(
                        InterleavingFailure.class,
                        () -> program(name).explore(ExploreOptions.replay(f.replayToken())));
        assertEquals(
                PlainProgramsTest.tableRows(f.table()),
                PlainProgramsTest.tableRows(replayed.table()));
    }

    @ParameterizedTest
    @CsvSource({"BuilderStart", "StartVirtualThread", "PerTaskExecutor", "Unstarted"})
    void theFixPassesTheSameSearch(String name) {
        ExploreResult r = program(name).args("fixed").explore(options());
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    /**
     * {@code Thread.sleep(Duration)} and {@code join(Duration)} wait on the virtual clock: the
     * short join times out before the flusher's sleep ends (and does not throw, as the JDK's join
     * of a thread it never really started would), the long one outlasts it; nothing really waits.
     */
    @org.junit.jupiter.api.Test
    void theDurationFormsOfSleepAndJoinWaitOnTheVirtualClock() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> program("DurationWaits").explore(options()));
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .contains("the flusher had not written when the join ended"),
                f.table());
        ExploreResult r = program("DurationWaits").args("fixed").explore(options());
        assertTrue(r.exhausted(), r::toString);
    }
}
