package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.models.PointsModel;
import io.refguard.explore.sync.SharedInt;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Threads that wait for the baton may spin ({@link SpinSlot}), but only briefly: between two runs
 * of an open exploration, and after an exploration, no explorer thread is left spinning.
 */
class NoSpinAfterTest {

    @Test
    void theThreadsOfAnOpenExplorationParkBetweenRuns() throws InterruptedException {
        try (RunEngine e = new RunEngine(1_000, Duration.ofSeconds(10))) {
            SharedInt x = new SharedInt("x", 0);
            Runnable body =
                    () -> {
                        for (int i = 0; i < 5; i++) {
                            x.incrementAndGet();
                        }
                    };
            for (int run = 0; run < 20; run++) {
                // alternate at every step, so both threads wait for the baton again and again
                RunStatus status =
                        e.run(
                                List.of("T1", "T2"),
                                List.of(body, body),
                                p ->
                                        p.nextEnabled(p.current() + 1) >= 0
                                                ? p.nextEnabled(p.current() + 1)
                                                : p.nextEnabled(0),
                                null,
                                null,
                                null);
                assertEquals(RunStatus.COMPLETED, status);
            }
            assertEquals(200, x.get());
            // the engine is still open: its two workers wait for a next run that does not come
            assertAllParked(w -> w.actor != null && w.actor.name.startsWith("T"));
        }
    }

    @Test
    void everyWorkerParksAfterAnExploration() throws InterruptedException {
        long runs = PointsModel.exhaustive(2, 10, 2).runs();
        assertTrue(runs > 100, "ran " + runs);
        assertAllParked(w -> true);
    }

    private static void assertAllParked(Predicate<Worker> which) throws InterruptedException {
        // a spin lasts at most SpinSlot.SPIN_NANOS (microseconds); the generous wait only absorbs
        // a loaded machine's scheduling, it is not a timing claim
        List<String> running = List.of();
        for (int i = 0; i < 300; i++) {
            running = notParked(which);
            if (running.isEmpty() && SpinSlot.spinning() == 0) {
                break;
            }
            Thread.sleep(10);
        }
        assertEquals(List.of(), running, "explorer threads still running");
        assertEquals(0, SpinSlot.spinning(), "spin slots still held");
    }

    /** A worker given up on as stuck by another test runs that test's code, not the runtime's. */
    private static boolean abandoned(Worker w) {
        Actor a = w.actor;
        return a != null && a.abandoned;
    }

    private static List<String> notParked(Predicate<Worker> which) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t instanceof Worker && t.isAlive())
                .map(t -> (Worker) t)
                .filter(w -> !abandoned(w) && which.test(w))
                .filter(
                        t ->
                                t.getState() != Thread.State.WAITING
                                        && t.getState() != Thread.State.TIMED_WAITING)
                .map(t -> t.getName() + " " + t.getState())
                .collect(Collectors.toList());
    }
}
