package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import example.ParallelExplorations;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Exploration tests under JUnit parallel execution run at the same time, each with its own threads
 * and state: {@link ParallelExplorations} holds its four explorations at a barrier until all four
 * have started, so none can pass by running alone. Repeated to vary which worker thread runs which
 * test.
 */
class ParallelExploreTest {

    @RepeatedTest(3)
    void fourExplorationTestsAtOnceEachGetTheirOwnVerdict() {
        ParallelExplorations.reset();
        EngineExecutionResults r = Kit.run(Kit.parallel(), selectClass(ParallelExplorations.class));

        Throwable lost = Kit.failure(r, "lostUpdate");
        InterleavingFailure f =
                assertInstanceOf(InterleavingFailure.class, lost, () -> Kit.stackTrace(lost));
        assertEquals(FailureKind.FINAL_CHECK, f.report().failure().kind());
        assertEquals(List.of("A1", "A2"), f.report().threads());
        assertTrue(f.getMessage().contains("both increments must count"), f.getMessage());

        Throwable deadlock = Kit.failure(r, "lockOrderDeadlock");
        InterleavingFailure d =
                assertInstanceOf(
                        InterleavingFailure.class, deadlock, () -> Kit.stackTrace(deadlock));
        assertEquals(FailureKind.DEADLOCK, d.report().failure().kind());
        assertEquals(List.of("C1", "C2"), d.report().threads());

        Kit.assertPassed(r, "atomicIncrements");
        Kit.assertPassed(r, "sameLockOrder");
        ExploreResult atomic = ParallelExplorations.RESULTS.get("atomicIncrements");
        assertTrue(atomic.exhausted() && atomic.runs() > 1, atomic::toString);
        ExploreResult same = ParallelExplorations.RESULTS.get("sameLockOrder");
        assertTrue(same.exhausted() && same.runs() > 1, same::toString);

        Set<Thread> threads = new HashSet<>(ParallelExplorations.THREADS.values());
        assertEquals(
                4, threads.size(), "four tests on four threads: " + ParallelExplorations.THREADS);
        assertFalse(threads.contains(Thread.currentThread()));
    }
}
