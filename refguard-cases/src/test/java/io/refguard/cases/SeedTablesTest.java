package io.refguard.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.cases.ReportTable.Row;
import io.refguard.run.Outcome;
import io.refguard.run.Verdict;
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
        assertSteps(
                t,
                List.of(
                        new Row(
                                "T1",
                                "tryAcquire tables.list [t1, t2]"), // the iterator's reload reads
                        // the list
                        new Row(
                                "T2",
                                "tryAcquire tables.list [t1, t2]"), // the compaction reads it too
                        new Row("T2", "HotSwap#1.swap()"), // and publishes [t12]
                        new Row("T1", "tryAcquire tables.list [t12]"), // the nested read reloads
                        new Row("T1", "release t1"), // and frees t1 and t2
                        new Row("T1", "release t2")));
        assertTrue(
                t.failure.contains(
                        "T1 threw io.refguard.UseAfterReleaseException: refguard: use after release of Reader@"),
                t.failure);
        assertTrue(t.failure.contains("used at            RefIterator.next("), t.failure);
        assertTrue(
                t.failure.contains(
                        "freed at           Reftable_01_ReloadUnderOpenIterator$BorrowingStack.reloadOnce("),
                t.failure);
    }

    @Test
    void reftableFailedReloadShowsTheCompactionBetweenReadingTheListAndOpeningT2() {
        ReportTable t = table("reftable-failed-reload");
        assertEquals(List.of("T1", "T2"), t.threads);
        assertSteps(
                t,
                List.of(
                        new Row(
                                "T1",
                                "tryAcquire tables.list [t1, t2]"), // the reload reads [t1, t2]
                        new Row("T2", "HotSwap#1.swap()"), // the compaction publishes [t12]
                        new Row("T1", "release t1"), // the error path frees reused t1
                        new Row(
                                "T1",
                                "tryAcquire tables.list [t12]"))); // the retry reads the new list
        assertTrue(
                t.failure.contains(
                        "T1 threw io.refguard.UseAfterReleaseException: refguard: use after release of Reader@"),
                t.failure);
        assertTrue(
                t.failure.contains(
                        "released at        Reftable_01_ReloadUnderOpenIterator$BorrowingStack.reloadOnce("),
                t.failure);
        assertTrue(t.failure.contains("used at            Stack.currentNames("), t.failure);
    }

    @Test
    void nsinfoShowsBothThreadsClosingTheSameHandleWithBothReleaseSites() {
        ReportTable t = table("nsinfo-double-put");
        assertEquals(List.of("T1", "T2"), t.threads);
        assertSteps(
                t,
                List.of(
                        new Row("T1", "Ref(NsInfo#1).get()"), // T1 copies the dso's nsinfo (#1)
                        new Row("T1", "List.add(NsInfo#2)"), // keeps the copy (#2)
                        new Row("T1", "Ref(NsInfo#1).close()"), // and puts the dso's reference
                        new Row("T2", "NsInfo#3.acquire()"), // T2 takes the thread's nsinfo
                        new Row(
                                "T2",
                                "Ref(NsInfo#1).close()"))); // and puts the dso's reference again
        assertTrue(
                t.failure.contains(
                        "T2 threw io.refguard.DoubleReleaseException: refguard: double release of NsInfo@"),
                t.failure);
        assertTrue(t.failure.contains("first released at  Dso.findPerfMap("), t.failure);
        assertTrue(
                t.failure.contains("released again at  Nsinfo_01_LockTooNarrow.mapNew("),
                t.failure);
    }

    @Test
    void forkShowsTheSnapshotTakenRightAfterHeadNextPrevIsWritten() {
        ReportTable t = table("fork-half-done-list");
        assertEquals(List.of("T2", "T3"), t.threads);
        assertSteps(
                t,
                List.of(
                        new Row("T2", "lock stack_cache_lock"),
                        new Row("T2", "volatile write ListHead.next stack B"), // e.next = head.next
                        new Row("T2", "volatile write ListHead.prev stack B"), // e.prev = head
                        new Row(
                                "T2",
                                "volatile write ListHead.prev stack A"))); // head.next.prev = e
        // the fork copies memory right after head.next.prev = e, before head.next = e
        Row last = t.rows.get(t.rows.size() - 1);
        assertEquals("T2", last.thread());
        assertTrue(
                last.cell()
                        .startsWith(
                                "volatile write ListHead.prev stack A (Fork_01_SnapshotSeesHalfDoneAdd.java:"),
                last.toString());
        assertTrue(
                t.failure.contains(
                        "Failure: the recovery check on a snapshot failed: java.lang.AssertionError:"
                                + " stack_used is not a doubly linked list: stack_used.next = stack A but stack A.prev = stack B"),
                t.failure);
    }

    @Test
    void doubleReadShowsReadingWonAgainAfterTheFirstReadAndAThirdTaskReadingDuringIt() {
        ReportTable t = table("double-read");
        assertEquals(List.of("A", "B", "C"), t.threads);
        assertSteps(
                t,
                List.of(
                        new Row("A", "uptodate.get()"), // (1) not up to date
                        new Row("B", "uptodate.get()"), // (1) not up to date
                        new Row("B", "AtomicBoolean.getAndSet()"), // (2) wins READING
                        new Row("B", "volatile write ExtentBuffer.content"), // (3) the read
                        new Row("B", "AtomicBoolean.set()"), // UPTODATE set
                        new Row("B", "AtomicBoolean.set()"), // READING cleared
                        new Row("A", "AtomicBoolean.getAndSet()"), // (2) wins READING again
                        new Row(
                                "A",
                                "volatile write ExtentBuffer.content"), // a second I/O into the
                        // live buffer
                        new Row("C", "uptodate.get()"), // (1) sees UPTODATE
                        new Row(
                                "C",
                                "volatile read ExtentBuffer.content"))); // reads it during A's I/O
        assertTrue(
                t.failure.contains(
                        "C threw java.lang.AssertionError: C read eb while it was up to date, but an I/O"
                                + " is overwriting its pages"),
                t.failure);
    }

    @Test
    void readaheadShowsReclaimDroppingTheCacheReferenceBetweenTheCheckAndTheIo() {
        ReportTable t = table("readahead-release");
        assertEquals(List.of("read-ahead", "reclaim", "end_io"), t.threads);
        assertSteps(
                t,
                List.of(
                        new Row("reclaim", "lock page"),
                        new Row("reclaim", "ioPages.get()"), // not under I/O (refs == 1)
                        new Row("read-ahead", "eb.tryAcquire()"), // lookup: refs 1 -> 2
                        new Row("read-ahead", "treeRef.get()"), // TREE_REF still set: nothing to do
                        new Row("reclaim", "AtomicBoolean.getAndSet()"), // clears TREE_REF
                        new Row("reclaim", "release eb"), // drops the cache's ref: 2 -> 1
                        new Row("read-ahead", "AtomicInteger.set()"), // io_pages set
                        new Row("read-ahead", "spawn"), // the read is submitted
                        new Row("read-ahead", "release eb"))); // its own ref: 1 -> 0, freed
        assertTrue(
                t.failure.contains(
                        "end_io threw io.refguard.UseAfterReleaseException: refguard: use after release"
                                + " of ExtentBuffer@"),
                t.failure);
        assertTrue(t.failure.contains("used at            BufferCache.endIo("), t.failure);
        assertTrue(
                t.failure.contains("freed at           Readahead_01_TreeRefBeforeIo.readahead("),
                t.failure);
    }

    @Test
    void reportsArePinnedByGoldenFiles() {
        for (String name :
                List.of("reftable-iterator", "nsinfo-double-put", "fork-half-done-list")) {
            Outcome o = Outcomes.of(Outcomes.find(name, Variant.BUGGY));
            Golden.assertMatches(name, ReportTable.normalize(o.table()));
        }
    }

    @Test
    void aReportReplaysToTheSameTable() {
        SeedCase c = Outcomes.find("nsinfo-double-put", Variant.BUGGY);
        Outcome found = Outcomes.of(c);
        Outcome replayed =
                CaseRunner.run(
                        c,
                        io.refguard.explore.ExploreOptions.replay(found.token()),
                        CheckMode.TRACKED);
        assertEquals(Verdict.BUG_FOUND, replayed.verdict());
        String a = ReportTable.normalize(found.table());
        String b = ReportTable.normalize(replayed.table());
        assertEquals(
                a.substring(a.indexOf("| step |"), a.indexOf("Replay:")),
                b.substring(b.indexOf("| step |"), b.indexOf("Replay:")));
    }

    private static ReportTable table(String name) {
        Outcome o = Outcomes.of(Outcomes.find(name, Variant.BUGGY));
        assertEquals(Verdict.BUG_FOUND, o.verdict(), () -> name + ": " + o.table());
        return new ReportTable(o.table());
    }

    private static void assertSteps(ReportTable t, List<Row> steps) {
        assertTrue(
                t.containsInOrder(steps),
                () ->
                        "expected the steps "
                                + steps
                                + " in this order among\n"
                                + String.join("\n", t.rows.stream().map(Row::toString).toList()));
    }
}
