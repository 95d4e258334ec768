package io.refguard.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.cases.ReportTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each buggy case is reported with the interleaving of its seed: the table shows the seed's steps
 * in the seed's order, in the seed's columns, and the failure is the one the seed describes, with
 * the sites the checker names. Two reports are pinned as golden files.
 */
class SeedTablesTest {

    @Test
    void reftableIteratorShowsTheCompactionBetweenTheTwoReloadsAndTheReadOfFreedT1() {
        ReportTable t = table("reftable-iterator");
        assertEquals(List.of("T1", "T2"), t.threads);
        assertSteps(t, List.of(
                new Row("T1", "tryAcquire tables.list [t1, t2]"), // the iterator's reload reads the list
                new Row("T2", "tryAcquire tables.list [t1, t2]"), // the compaction reads it too
                new Row("T2", "hotswap-swap"),                     // and publishes [t12]
                new Row("T1", "tryAcquire tables.list [t12]"),     // the nested read reloads
                new Row("T1", "release t1"),                       // and frees t1 and t2
                new Row("T1", "release t2")));
        assertTrue(t.failure.contains("T1 threw io.refguard.UseAfterReleaseException: refguard: use after release of Reader@"),
                t.failure);
        assertTrue(t.failure.contains("used at            RefIterator.next("), t.failure);
        assertTrue(t.failure.contains("freed at           Reftable_01_ReloadUnderOpenIterator$BorrowingStack.reloadOnce("),
                t.failure);
    }

    @Test
    void reftableFailedReloadShowsTheCompactionBetweenReadingTheListAndOpeningT2() {
        ReportTable t = table("reftable-failed-reload");
        assertEquals(List.of("T1", "T2"), t.threads);
        assertSteps(t, List.of(
                new Row("T1", "tryAcquire tables.list [t1, t2]"), // the reload reads [t1, t2]
                new Row("T2", "hotswap-swap"),                     // the compaction publishes [t12]
                new Row("T1", "release t1"),                       // the error path frees reused t1
                new Row("T1", "tryAcquire tables.list [t12]")));   // the retry reads the new list
        assertTrue(t.failure.contains("T1 threw io.refguard.UseAfterReleaseException: refguard: use after release of Reader@"),
                t.failure);
        assertTrue(t.failure.contains("released at        Reftable_01_ReloadUnderOpenIterator$BorrowingStack.reloadOnce("),
                t.failure);
        assertTrue(t.failure.contains("used at            Stack.currentNames("), t.failure);
    }

    @Test
    void nsinfoShowsBothThreadsClosingTheSameHandleWithBothReleaseSites() {
        ReportTable t = table("nsinfo-double-put");
        assertEquals(List.of("T1", "T2"), t.threads);
        assertSteps(t, List.of(
                new Row("T1", "handle-close RefState#1"), // T1 puts the dso's reference
                new Row("T2", "acquire NsInfo#2"),       // T2 takes the thread's nsinfo
                new Row("T2", "handle-close RefState#1"))); // and puts the dso's reference again
        assertTrue(t.failure.contains("T2 threw io.refguard.DoubleReleaseException: refguard: double release of NsInfo@"),
                t.failure);
        assertTrue(t.failure.contains("first released at  Dso.findPerfMap("), t.failure);
        assertTrue(t.failure.contains("released again at  Nsinfo_01_LockTooNarrow.mapNew("), t.failure);
    }

    @Test
    void reportsArePinnedByGoldenFiles() {
        for (String name : List.of("reftable-iterator", "nsinfo-double-put")) {
            Outcome o = Outcomes.of(Outcomes.find(name, Variant.BUGGY));
            Golden.assertMatches(name, ReportTable.normalize(o.table()));
        }
    }

    @Test
    void aReportReplaysToTheSameTable() {
        SeedCase c = Outcomes.find("nsinfo-double-put", Variant.BUGGY);
        Outcome found = Outcomes.of(c);
        Outcome replayed = CaseRunner.run(c, io.refguard.explore.ExploreOptions.replay(found.token()));
        assertEquals(Verdict.BUG_FOUND, replayed.verdict());
        String a = ReportTable.normalize(found.table());
        String b = ReportTable.normalize(replayed.table());
        assertEquals(a.substring(a.indexOf("| step |"), a.indexOf("Replay:")),
                b.substring(b.indexOf("| step |"), b.indexOf("Replay:")));
    }

    private static ReportTable table(String name) {
        Outcome o = Outcomes.of(Outcomes.find(name, Variant.BUGGY));
        assertEquals(Verdict.BUG_FOUND, o.verdict(), () -> name + ": " + o.table());
        return new ReportTable(o.table());
    }

    private static void assertSteps(ReportTable t, List<Row> steps) {
        assertTrue(t.containsInOrder(steps), () -> "expected the steps " + steps + " in this order among\n"
                + String.join("\n", t.rows.stream().map(Row::toString).toList()));
    }
}
