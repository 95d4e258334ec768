package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.explore.AtomicCheckThenAct;
import example.explore.DoubleCheckedInit;
import example.explore.LostNotify;
import example.explore.MonitorDeadlock;
import example.explore.PoolShutdownRace;
import example.explore.ProducerConsumer;
import example.explore.ReadWriteUpgrade;
import example.explore.ReentrantLockDeadlock;
import example.explore.SpinPublish;
import example.explore.WaitWithoutLoop;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of plain programs in {@code example.explore}, each a JDK-only {@code main} with no
 * refguard call: explored through the agent, every broken program fails with the expected kind of
 * failure and a report whose cells name the program's own objects and source lines (read from
 * {@code // site:} markers in the source, not written here), its replay token reproduces the same
 * report, and every fixed version passes the same exhaustive search.
 */
class PlainProgramsTest {

    /**
     * One corpus program: its class, the failure expected, and cells the report must contain, given
     * as {@code text@marker}, which becomes {@code text (File.java:line-of-marker)}, or as plain
     * text.
     */
    record Case(Class<?> program, FailureKind kind, String failure, List<String> cells) {
        @Override
        public String toString() {
            return program.getSimpleName();
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                new Case(
                        MonitorDeadlock.class,
                        FailureKind.DEADLOCK,
                        "T2 waits for lock MonitorDeadlock.a, held by T1",
                        List.of(
                                "lock MonitorDeadlock.a@aThenB.a",
                                "lock MonitorDeadlock.b@bThenA.b",
                                "(blocked: waits for lock MonitorDeadlock.b, held by T2)")),
                new Case(
                        ReentrantLockDeadlock.class,
                        FailureKind.DEADLOCK,
                        "held by",
                        List.of("lock Account.lock@outer", "lock Account.lock#2@inner")),
                new Case(
                        LostNotify.class,
                        FailureKind.DEADLOCK,
                        "waiter waits for 'wait on LostNotify.signal'",
                        List.of(
                                "notify LostNotify.signal@notify",
                                "wait on LostNotify.signal@wait")),
                new Case(
                        WaitWithoutLoop.class,
                        FailureKind.THREAD_THREW,
                        "threw java.util.NoSuchElementException",
                        List.of("notifyAll Queue#1@notifyAll", "wait on Queue#1@wait")),
                new Case(
                        AtomicCheckThenAct.class,
                        FailureKind.THREAD_THREW,
                        "main threw java.lang.AssertionError: sold 2 tickets, limit 1",
                        List.of("Office.sold.get()@check", "Office.sold.incrementAndGet()@act")),
                new Case(
                        DoubleCheckedInit.class,
                        FailureKind.THREAD_THREW,
                        "main threw java.lang.AssertionError: 2 connections opened",
                        List.of(
                                "volatile read Holder.instance@check",
                                "volatile write Holder.instance@create")),
                new Case(
                        ReadWriteUpgrade.class,
                        FailureKind.DEADLOCK,
                        "waits for 'lock Cache.rw.writeLock()'",
                        List.of(
                                "lock Cache.rw.readLock()@read",
                                "lock Cache.rw.writeLock()@write")),
                new Case(
                        ProducerConsumer.class,
                        FailureKind.DEADLOCK,
                        "consumer waits for 'await Buffer.notEmpty'",
                        List.of("signal Buffer.notFull@signal", "await Buffer.notEmpty@await")),
                new Case(
                        PoolShutdownRace.class,
                        FailureKind.THREAD_THREW,
                        "RejectedExecutionException: a task was rejected from pool-1: the pool"
                                + " was shut down",
                        List.of("shutdown pool-1@shutdown", "execute pool-1@followUp")),
                new Case(
                        SpinPublish.class,
                        FailureKind.THREAD_THREW,
                        "consumer threw java.lang.AssertionError: flag seen, data 0",
                        List.of(
                                "volatile write Mailbox.ready Mailbox#1@publish",
                                "volatile read Mailbox.data Mailbox#1@read")));
    }

    static ExploreOptions options() {
        return ExploreOptions.exhaustive().preemptionBound(2);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void brokenProgramFailsWithReadableReport(Case c) {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(c.program().getName()).explore(options()));
        String table = f.table();
        assertEquals(c.kind(), f.report().failure().kind(), table);
        assertTrue(
                table.contains(c.failure()), () -> "expected '" + c.failure() + "' in\n" + table);
        SourceMarkers markers = SourceMarkers.of(c.program());
        String file = c.program().getSimpleName() + ".java";
        for (String cell : c.cells()) {
            int at = cell.lastIndexOf('@');
            String expected =
                    at < 0
                            ? cell
                            : cell.substring(0, at)
                                    + " ("
                                    + file
                                    + ":"
                                    + markers.line(cell.substring(at + 1))
                                    + ")";
            assertTrue(
                    table.contains(expected),
                    () -> "expected cell '" + expected + "' in\n" + table);
        }
        assertEquals(List.of(), f.report().notes(), "the traced re-run must fail the same way");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void replayTokenReproducesTheSameSchedule(Case c) {
        String name = c.program().getName();
        InterleavingFailure found =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(name).explore(options()));
        InterleavingFailure replayed =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(name)
                                        .explore(ExploreOptions.replay(found.replayToken())));
        assertEquals(found.replayToken(), replayed.replayToken());
        assertEquals(tableRows(found.table()), tableRows(replayed.table()));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void fixedProgramPassesTheSameSearch(Case c) {
        ExploreResult r =
                AgentExplorer.mainClass(c.program().getName() + "$Fixed").explore(options());
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    /** The table's rows (lines starting with '|'), without the headline that names the search. */
    static List<String> tableRows(String table) {
        return table.lines().filter(l -> l.startsWith("|")).toList();
    }
}
