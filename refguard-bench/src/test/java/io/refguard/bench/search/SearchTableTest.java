package io.refguard.bench.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Explorer;
import io.refguard.explore.report.FailureKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's settings and table: what a cell and the summary rows say. */
class SearchTableTest {

    private static Trial found(long runs, long millis) {
        return new Trial(true, FailureKind.THREAD_THREW, runs, millis, 1, false, null);
    }

    private static Trial passed(boolean verified) {
        return new Trial(false, null, 100, 5, -1, verified, null);
    }

    @Test
    void cellsAndSummarySayWhatWasFoundAndWhatFailedOnAFix() {
        SearchBench.Settings s =
                SearchBench.Settings.parse(
                        new String[] {
                            "--budget",
                            "2s",
                            "--fix-budget",
                            "500ms",
                            "--seeds",
                            "3",
                            "--strategies",
                            "default,pos"
                        });
        assertEquals(Duration.ofSeconds(2), s.budget());
        assertEquals(3, s.seeds());
        Program a =
                Program.of(
                        "a",
                        "f",
                        2,
                        FailureKind.THREAD_THREW,
                        f -> Explorer.scenario("a").setup(() -> 1));
        Program b =
                Program.of(
                        "b",
                        "f",
                        3,
                        FailureKind.THREAD_THREW,
                        f -> Explorer.scenario("b").setup(() -> 1));
        Map<Program, Map<String, List<Trial[]>>> results = new LinkedHashMap<>();
        Map<String, List<Trial[]>> rowA = new LinkedHashMap<>();
        rowA.put(
                "default",
                List.of(
                        new Trial[] {found(4, 10), passed(true)},
                        new Trial[] {found(8, 20), passed(true)},
                        new Trial[] {found(6, 30), passed(true)}));
        rowA.put(
                "pos",
                List.of(
                        new Trial[] {found(2, 1), passed(false)},
                        new Trial[] {passed(false), passed(false)},
                        new Trial[] {found(2, 1), passed(false)}));
        Map<String, List<Trial[]>> rowB = new LinkedHashMap<>();
        rowB.put(
                "default",
                List.of(
                        new Trial[] {passed(false), passed(true)},
                        new Trial[] {passed(false), passed(true)},
                        new Trial[] {passed(false), passed(true)}));
        rowB.put(
                "pos",
                List.of(
                        new Trial[] {found(9, 3), found(1, 1)},
                        new Trial[] {found(11, 3), passed(false)},
                        new Trial[] {found(10, 3), passed(false)}));
        results.put(a, rowA);
        results.put(b, rowB);
        String table = SearchTable.render(s, results);
        assertTrue(table.contains("| a | 2 | 6 | 2/3 2 |"), table);
        assertTrue(table.contains("| b | 3 | - | 10 FA |"), table);
        assertTrue(table.contains("| **bugs found** | | 1/2 | 2/2 |"), table);
        assertTrue(table.contains("| **false alarms** | | 0 | 1 |"), table);
        assertTrue(table.contains("| **fixes verified** | | 2 | 0 |"), table);
        assertTrue(table.contains("Missed by the default but found by another search: [b]"), table);
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SearchBench.Settings.parse(
                                        new String[] {"--strategies", "default,dfs"}));
        assertTrue(e.getMessage().contains("unknown search"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SearchBench.Settings.parse(new String[] {"--budget", "soon"}));
        assertTrue(e.getMessage().contains("not a duration"), e.getMessage());
    }
}
