package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.semantics.Exits;
import example.semantics.Foreign;
import example.semantics.Pools;
import example.semantics.Waiting;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the adapter models besides locks, each checked by a plain program that asserts its own
 * outcome: timeouts (a timed wait ends when nothing else can run), interrupts that end waits, park
 * permits, semaphores, latches, spin waits, the identity of {@code Thread} objects, and executors;
 * and how it reports what it cannot schedule.
 */
class SemanticsTest {

    static Stream<Class<?>> passing() {
        return Stream.of(
                Waiting.TimedPoll.class,
                Waiting.InterruptSleep.class,
                Waiting.InterruptWait.class,
                Waiting.ParkUnpark.class,
                Waiting.SemaphoreAndLatch.class,
                Waiting.SpinWait.class,
                Waiting.BusySpin.class,
                Waiting.ThreadIdentity.class,
                Pools.CachedIdle.class,
                Pools.InvokeAll.class,
                Pools.WorkerPerTaskBelowCore.class,
                Pools.Unconfigurable.class);
    }

    @ParameterizedTest
    @MethodSource("passing")
    void passesInEverySchedule(Class<?> program) {
        ExploreResult r =
                AgentExplorer.mainClass(program.getName())
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    static InterleavingFailure fails(Class<?> program, ExploreOptions options) {
        return assertThrows(
                InterleavingFailure.class,
                () ->
                        AgentExplorer.mainClass(program.getName())
                                .foreignWait(Duration.ofMillis(200))
                                .explore(options));
    }

    static InterleavingInconclusive inconclusive(Class<?> program, ExploreOptions options) {
        return assertThrows(
                InterleavingInconclusive.class,
                () ->
                        AgentExplorer.mainClass(program.getName())
                                .foreignWait(Duration.ofMillis(200))
                                .explore(options));
    }

    @Test
    void anExitWithAFailureStatusEndsTheRunWithAReportAndAnExitWithZeroAsAPass() {
        SourceMarkers markers = SourceMarkers.of(Exits.class);
        InterleavingFailure f = fails(Exits.WorkerExits.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        assertTrue(
                f.table()
                        .contains(
                                "threw io.refguard.agent.bridge.ProgramExit: the program called System.exit(3)"
                                        + " at example.semantics.Exits$WorkerExits.lambda$main$0(Exits.java:"
                                        + markers.line("exit")
                                        + "), ending with a status that reports a failure"),
                f.table());
        // halt(0) while another thread still waits: the JVM would stop it, so the run passes
        ExploreResult h =
                AgentExplorer.mainClass(Exits.Halts.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertTrue(h.exhausted(), h::toString);
        assertTrue(h.runs() > 1, h::toString);
    }

    @Test
    void fixedPoolThatIsNeverShutDownKeepsItsWorkerWaiting() {
        InterleavingFailure f = fails(Pools.FixedNeverShutDown.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f.table());
        assertTrue(
                f.table().contains("pool-1-thread-1 waits for 'take a task from pool-1'"),
                f.table());
    }

    @Test
    void threadPoolExecutorBuiltDirectlyRunsOnAModelButStartsNoThreadOfItsOwn() {
        ExploreResult r =
                AgentExplorer.mainClass(Pools.Direct.class.getName())
                        .explore(ExploreOptions.exhaustive().preemptionBound(1));
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
        InterleavingInconclusive f =
                inconclusive(Pools.DirectPrestart.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.OUT_OF_CONTROL, f.kind(), f.getMessage());
        SourceMarkers markers = SourceMarkers.of(Pools.class);
        assertTrue(
                f.getMessage()
                        .contains(
                                "the executor created at"
                                        + " example.semantics.Pools$DirectPrestart.main(Pools.java:"
                                        + markers.line("create")
                                        + ") is not modeled"),
                f.getMessage());
        assertTrue(f.getMessage().contains("is inconclusive"), f.getMessage());
    }

    @Test
    void joiningAThreadThatUninstrumentedCodeStartedIsInconclusive() {
        InterleavingInconclusive f = inconclusive(Foreign.Join.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.OUT_OF_CONTROL, f.kind(), f.getMessage());
        assertTrue(
                f.getMessage()
                        .contains(
                                "main joins thread 'library-sleeper', which code refguard does"
                                        + " not instrument started during the run"),
                f.getMessage());
        assertTrue(f.getMessage().contains("widen the agent's include"), f.getMessage());
    }

    @Test
    void aRacingThreadThatALibraryStartsMakesTheExplorationInconclusive() {
        String created =
                "created by main at io.refguard.agent.explore.ForeignThreads.start(ForeignThreads.java:"
                        + SourceMarkers.of(ForeignThreads.class).line("created")
                        + ")";
        for (Class<?> program : List.of(Foreign.Racing.class, Foreign.RacingUnjoined.class)) {
            InterleavingInconclusive f = inconclusive(program, ExploreOptions.defaults());
            assertEquals(FailureKind.OUT_OF_CONTROL, f.kind(), f.getMessage());
            String m = f.getMessage();
            assertTrue(
                    m.contains("A thread ran outside refguard's control: thread 'library-worker'"),
                    m);
            assertTrue(
                    m.contains("runs the program's code and was " + created)
                            || m.contains(
                                    "was started during the run by code refguard does not"
                                            + " instrument and is still running"),
                    m);
            assertTrue(m.contains("widen the agent's include"), m);
        }
    }

    @Test
    void aLibraryThreadAliveWhenMainEndsMakesTheExplorationInconclusive() {
        InterleavingInconclusive f =
                inconclusive(Foreign.Background.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.OUT_OF_CONTROL, f.kind(), f.getMessage());
        assertTrue(
                f.getMessage()
                        .contains(
                                "thread 'library-sleeper' was started during the run by code"
                                        + " refguard does not instrument and is still running"),
                f.getMessage());
    }

    @Test
    void aFailureWhileALibraryThreadRunsUnseenIsNotReportedAsABug() {
        InterleavingInconclusive f =
                inconclusive(Foreign.BackgroundThenFails.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.OUT_OF_CONTROL, f.kind(), f.getMessage());
        String m = f.getMessage();
        assertTrue(
                m.contains(
                        "thread 'library-sleeper' was started during the exploration by code"
                                + " refguard does not instrument and is still running"),
                m);
        assertTrue(m.contains("may come from that thread, so it is not its verdict"), m);
        assertTrue(m.contains("the program's own check"), m);
        assertInstanceOf(InterleavingFailure.class, f.getSuppressed()[0], m);
    }

    @Test
    void lockHeldByAThreadOutsideTheExplorationFailsAfterTheForeignWait() {
        InterleavingInconclusive f = inconclusive(Foreign.Lock.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.OUT_OF_CONTROL, f.kind(), f.getMessage());
        assertTrue(
                f.getMessage().contains("is held by a thread the explorer does not run"),
                f.getMessage());
        assertTrue(f.getMessage().contains("still after 200 ms"), f.getMessage());
    }

    @Test
    void blockingInputIsReportedAsStuckAfterTheRunTimeout() {
        InterleavingInconclusive f =
                inconclusive(
                        Foreign.Read.class,
                        ExploreOptions.exhaustive().runTimeout(Duration.ofMillis(300)));
        assertEquals(FailureKind.STUCK, f.report().failure().kind(), f.getMessage());
        assertTrue(
                f.getMessage().contains("main has not reached a scheduling point for 300 ms"),
                f.getMessage());
        assertTrue(f.getMessage().contains("PipedInputStream.read"), f.getMessage());
    }
}
