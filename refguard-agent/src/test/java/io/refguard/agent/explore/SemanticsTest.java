package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.semantics.Foreign;
import example.semantics.Pools;
import example.semantics.Waiting;
import io.refguard.agent.SourceMarkers;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the adapter models besides locks, each checked by a plain program that asserts its own
 * outcome: timeouts (a timed wait ends when nothing else can run), interrupts that end waits,
 * park permits, semaphores, latches, spin waits, the identity of {@code Thread} objects, and
 * executors; and how it reports what it cannot schedule.
 */
class SemanticsTest {

    static Stream<Class<?>> passing() {
        return Stream.of(Waiting.TimedPoll.class, Waiting.InterruptSleep.class,
                Waiting.InterruptWait.class, Waiting.ParkUnpark.class,
                Waiting.SemaphoreAndLatch.class, Waiting.SpinWait.class,
                Waiting.ThreadIdentity.class, Pools.CachedIdle.class, Pools.InvokeAll.class,
                Pools.Unconfigurable.class);
    }

    @ParameterizedTest
    @MethodSource("passing")
    void passesInEverySchedule(Class<?> program) {
        ExploreResult r = AgentExplorer.mainClass(program.getName())
                .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
    }

    static InterleavingFailure fails(Class<?> program, ExploreOptions options) {
        return assertThrows(InterleavingFailure.class, () -> AgentExplorer
                .mainClass(program.getName())
                .foreignWait(Duration.ofMillis(200))
                .explore(options));
    }

    @Test
    void fixedPoolThatIsNeverShutDownKeepsItsWorkerWaiting() {
        InterleavingFailure f = fails(Pools.FixedNeverShutDown.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f.table());
        assertTrue(f.table().contains("pool-1-thread-1 waits for 'take a task from pool-1' on pool-1"),
                f.table());
    }

    @Test
    void threadPoolExecutorBuiltDirectlyRunsOnAModelButStartsNoThreadOfItsOwn() {
        ExploreResult r = AgentExplorer.mainClass(Pools.Direct.class.getName())
                .explore(ExploreOptions.exhaustive().preemptionBound(1));
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
        InterleavingFailure f = fails(Pools.DirectPrestart.class, ExploreOptions.exhaustive());
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f.table());
        SourceMarkers markers = SourceMarkers.of(Pools.class);
        assertTrue(f.table().contains("main threw java.lang.UnsupportedOperationException: the"
                + " executor created at example.semantics.Pools$DirectPrestart.main(Pools.java:"
                + markers.line("create") + ") is not modeled"), f.table());
        assertTrue(f.table().contains("at Pools.java:" + markers.line("prestart")), f.table());
    }

    @Test
    void joiningAThreadTheExplorerDidNotStartFailsAfterTheForeignWait() {
        InterleavingFailure f = fails(Foreign.Join.class, ExploreOptions.exhaustive());
        assertTrue(f.table().contains("main joins thread 'library-sleeper', which the explorer did"
                + " not start and which is still running after 200 ms"), f.table());
    }

    @Test
    void lockHeldByAThreadOutsideTheExplorationFailsAfterTheForeignWait() {
        InterleavingFailure f = fails(Foreign.Lock.class, ExploreOptions.exhaustive());
        assertTrue(f.table().contains("is held by a thread the explorer does not run"), f.table());
        assertTrue(f.table().contains("still after 200 ms"), f.table());
    }

    @Test
    void blockingInputIsReportedAsStuckAfterTheRunTimeout() {
        InterleavingFailure f = fails(Foreign.Read.class,
                ExploreOptions.exhaustive().runTimeout(Duration.ofMillis(300)));
        assertEquals(FailureKind.STUCK, f.report().failure().kind(), f.table());
        assertTrue(f.table().contains("main has not reached a scheduling point for 300 ms"),
                f.table());
        assertTrue(f.table().contains("PipedInputStream.read"), f.table());
    }
}
