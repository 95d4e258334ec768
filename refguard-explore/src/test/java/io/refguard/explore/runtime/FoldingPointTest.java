package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which accesses {@link Coordinator#foldingPoint} makes points of: thread A runs to its end while B
 * waits for a condition that the explorer evaluates at every decision, so another thread could run
 * at each of A's points; a thread run alone has no other thread to wait for it.
 */
class FoldingPointTest {

    private final Object x = new Object();
    private final Object y = new Object();
    private final Object lock = new Object();

    /** Whether each of A's folding accesses was a point. */
    private final List<Boolean> points = new ArrayList<>();

    private void run(Runnable... bodies) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            names.add("T" + i);
        }
        try (RunEngine e = new RunEngine(1_000, Duration.ofSeconds(10))) {
            RunStatus status =
                    e.run(names, List.of(bodies), p -> p.nextEnabled(0), null, null, null);
            assertEquals(RunStatus.COMPLETED, status);
        }
    }

    private void access(Object target, Access access) {
        points.add(Coordinator.foldingPoint(target, access, "access"));
    }

    /** Set when A is done: B waits for it, so B stays a thread that could run (not dormant). */
    private volatile boolean done;

    /** Thread B: waits on a condition the explorer evaluates at every decision. */
    private final Runnable waiter = () -> Coordinator.blockUntil(() -> done, null, "wait for A");

    /** Runs {@code a} as thread A, then lets B go on. */
    private Runnable a(Runnable a) {
        return () -> {
            a.run();
            done = true;
        };
    }

    @Test
    void onOneTargetReadsFoldWithReadsAndWritesWithWrites() {
        // a write after reads, and a read after writes (another thread's write may come between a
        // thread's write and its reading it back), begin steps of their own
        run(
                a(
                        () -> {
                            access(x, Access.READ);
                            access(x, Access.READ);
                            access(x, Access.WRITE);
                            access(x, Access.WRITE);
                            access(x, Access.READ);
                            access(x, Access.WRITE);
                        }),
                waiter);
        assertEquals(List.of(true, false, true, false, true, true), points);
    }

    @Test
    void anotherTargetAnotherPointOrAReleaseEndsTheStep() {
        run(
                a(
                        () -> {
                            access(x, Access.READ);
                            access(y, Access.READ);
                            access(x, Access.READ);
                            Coordinator.point(y, Access.READ, "other");
                            access(x, Access.READ);
                            Coordinator.lock(lock);
                            access(x, Access.READ);
                            access(x, Access.READ);
                            Coordinator.unlock(lock);
                            access(x, Access.READ);
                        }),
                waiter);
        assertEquals(List.of(true, true, true, true, true, false, true), points);
    }

    @Test
    void aStepTakesAtMostAHundredThousandAccessesWhileOthersCanRun() {
        run(
                a(
                        () -> {
                            for (int i = 0; i < 250_000; i++) {
                                access(x, Access.WRITE);
                            }
                        }),
                waiter);
        assertEquals(3, points.stream().filter(p -> p).count());
    }

    @Test
    void aStepTakesAtMostAThousandRereadsWhileOthersCanRun() {
        run(
                a(
                        () -> {
                            for (int i = 0; i < 2_500; i++) {
                                access(x, Access.READ); // a spin's reads
                            }
                        }),
                waiter);
        assertEquals(3, points.stream().filter(p -> p).count());
    }

    @Test
    void aLongLoopOverOneTargetKeepsAnnouncingIt() {
        boolean[] wide = new boolean[1];
        run(
                a(
                        () -> {
                            for (int i = 0; i < 20 * Execution.FOLDS; i++) {
                                access(x, Access.WRITE);
                            }
                            wide[0] =
                                    Coordinator
                                            .foldedAccess(); // its last step announced every target
                        }),
                waiter);
        assertEquals(20, points.stream().filter(p -> p).count());
        assertFalse(wide[0]);
    }

    @Test
    void aLoopOverTwoTargetsWidensAfterSixteenPoints() {
        run(
                a(
                        () -> {
                            for (int i = 0; i < 1_000; i++) {
                                access(x, Access.READ);
                                access(y, Access.WRITE);
                            }
                        }),
                waiter);
        assertEquals(Execution.WIDEN + 1, points.stream().filter(p -> p).count());
    }

    @Test
    void straightLineAccessesOfManyTargetsAtManySitesAreEachAPoint() {
        // a library method that touches forty fields in a row, each at its own site: no site
        // repeats, so this is no loop, and each access stays a point another thread can precede
        Object[] fields = new Object[40];
        String[] sites = new String[40];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new Object();
            sites[i] = ("site " + i).intern();
        }
        run(
                a(
                        () -> {
                            for (int i = 0; i < fields.length; i++) {
                                points.add(
                                        Coordinator.foldingPoint(fields[i], Access.READ, sites[i]));
                            }
                        }),
                waiter);
        assertEquals(40, points.stream().filter(p -> p).count());
    }

    @Test
    void aThreadThatAloneCanRunFoldsTenThousandAccessesOfAnyTargetIntoEachStep() {
        boolean[] folded = new boolean[1];
        run(
                () -> {
                    for (int i = 0; i < 250_000; i++) {
                        access(i % 2 == 0 ? x : y, i % 3 == 0 ? Access.WRITE : Access.READ);
                    }
                    folded[0] = Coordinator.foldedAccess();
                });
        // a point, then LONE_FOLDS accesses joining its step, and again: a loop alone for good
        // still makes points
        int each = Execution.LONE_FOLDS + 1;
        assertEquals((250_000 + each - 1) / each, points.stream().filter(p -> p).count());
        assertTrue(points.get(0));
        assertTrue(folded[0]);
    }
}
