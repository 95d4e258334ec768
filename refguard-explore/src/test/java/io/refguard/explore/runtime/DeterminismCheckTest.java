package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.refguard.explore.Coordinator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's step-by-step determinism check, driven directly: the same chooser (always the lowest
 * enabled thread) makes the same choices in two runs whose bodies differ, so every difference is
 * the program's, and the first one is named. Each engine first makes a warm-up run, which is never
 * compared (lazy initialization adds steps to the first run alone).
 */
class DeterminismCheckTest {

    private static final Chooser LOWEST = p -> p.nextEnabled(0);

    private static Runnable points(String... labels) {
        return () -> {
            for (String l : labels) {
                Coordinator.point(l);
            }
        };
    }

    /** A new engine, after a first run that differs from anything (and is not compared). */
    private static RunEngine engine() {
        RunEngine e = new RunEngine(100, Duration.ofSeconds(5));
        e.run(List.of("W"), List.of(points("warm", "up", "lazily")), LOWEST, null, null, null);
        assertNull(e.divergence());
        return e;
    }

    private static String secondRun(Runnable first, Runnable second) {
        try (RunEngine e = engine()) {
            withB(e, first, LOWEST);
            assertNull(e.divergence(), "the first run has nothing to compare with");
            withB(e, second, LOWEST);
            return e.divergence();
        }
    }

    @Test
    void theFirstRunIsNotCompared() {
        try (RunEngine e = new RunEngine(100, Duration.ofSeconds(5))) {
            e.run(List.of("T1"), List.of(points("lazy", "init", "a")), LOWEST, null, null, null);
            e.run(List.of("T1"), List.of(points("a")), LOWEST, null, null, null);
            assertNull(e.divergence());
        }
    }

    @Test
    void theSameStepsPass() {
        assertNull(secondRun(points("a", "a2"), points("a", "a2")));
    }

    @Test
    void anotherOperationAtAStepIsNamed() {
        assertEquals(
                "at step 3 T1 performed 'other' where an earlier run of the"
                        + " same schedule performed 'a2'",
                secondRun(points("a", "a2"), points("a", "other")));
    }

    @Test
    void anAddedStepIsNamed() {
        String d = secondRun(points("a"), points("a", "added"));
        assertEquals(
                "at step 3 the threads able to run were {T2} in an earlier"
                        + " run of the same schedule, where T2 performed 'start', and are"
                        + " {T1 at 'added', T2 at 'start'} now",
                d);
    }

    @Test
    void aMissingStepIsNamed() {
        String d = secondRun(points("a", "gone"), points("a"));
        assertEquals(
                "at step 3 the threads able to run were {T1, T2} in an earlier"
                        + " run of the same schedule, where T1 performed 'gone', and are"
                        + " {T2 at 'start'} now",
                d);
    }

    @Test
    void aLongerRunIsNamedWhereTheEarlierOneEnded() {
        try (RunEngine e = engine()) {
            e.run(List.of("T1"), List.of(points("a")), LOWEST, null, null, null);
            e.run(List.of("T1"), List.of(points("a", "late")), LOWEST, null, null, null);
            String d = e.divergence();
            assertEquals(
                    "at step 3 T1 performed 'late' where an earlier run of"
                            + " the same schedule had ended after 2 steps",
                    d);
        }
    }

    @Test
    void aShorterRunIsNamedWhereTheEarlierOneWentOn() {
        try (RunEngine e = engine()) {
            e.run(List.of("T1"), List.of(points("a", "late")), LOWEST, null, null, null);
            e.run(List.of("T1"), List.of(points("a")), LOWEST, null, null, null);
            String d = e.divergence();
            assertEquals(
                    "the run ended after 2 steps where an earlier run of"
                            + " the same schedule went on with T1 performing 'late'",
                    d);
        }
    }

    @Test
    void aRunThatChoosesDifferentlyIsNotCompared() {
        try (RunEngine e = engine()) {
            withB(e, points("a"), LOWEST);
            Chooser highest = DeterminismCheckTest::highest;
            withB(e, points("x", "y"), highest);
            assertNull(e.divergence());
        }
    }

    @Test
    void anEarlierRunOfTheSamePrefixIsComparedWhenThePreviousOneDiffers() {
        Chooser highest = DeterminismCheckTest::highest;
        try (RunEngine e = engine()) {
            withB(e, points("a", "a2"), LOWEST);
            withB(e, points("a", "a2"), highest);
            assertNull(e.divergence());
            withB(e, points("a", "other"), LOWEST);
            String d = e.divergence();
            assertEquals(
                    "at step 3 T1 performed 'other' where an earlier run of"
                            + " the same schedule performed 'a2'",
                    d);
        }
    }

    @Test
    void anEarlierRunThatWentOnIsNamedWhenThePreviousOneDiffers() {
        try (RunEngine e = engine()) {
            e.run(List.of("T1"), List.of(points("a", "late")), LOWEST, null, null, null);
            // pruned at once: nothing to compare with in the previous run
            e.run(
                    List.of("T1"),
                    List.of(points("a", "late")),
                    p -> Chooser.PRUNE,
                    null,
                    null,
                    null);
            e.run(List.of("T1"), List.of(points("a")), LOWEST, null, null, null);
            String d = e.divergence();
            assertEquals(
                    "the run ended after 2 steps where in an earlier run of"
                            + " the same schedule {T1} could go on",
                    d);
        }
    }

    /**
     * A run in which T1 is pinned at its steps offers T1 alone there; the next run of the same
     * prefix offers both threads. Neither the previous run's comparison nor the history's counts
     * that as a difference.
     */
    @Test
    void aPinnedDecisionMatchesAnySetInLaterRuns() {
        Runnable pinned =
                () -> {
                    Coordinator.pin(true);
                    points("a", "a2").run();
                    Coordinator.pin(false);
                };
        assertNull(secondRun(pinned, points("a", "a2")));
        assertNull(secondRun(points("a", "a2"), pinned));
        try (RunEngine e = engine()) {
            withB(e, pinned, LOWEST);
            withB(e, points("a", "a2"), DeterminismCheckTest::highest);
            // compared with the first run through the history only: the previous run chose
            // otherwise
            withB(e, points("a", "a2"), LOWEST);
            assertNull(e.divergence());
            withB(e, points("a", "other"), LOWEST);
            assertEquals(
                    "at step 3 T1 performed 'other' where an earlier run of the same schedule"
                            + " performed 'a2'",
                    e.divergence());
        }
    }

    /** A run of {@code first} as T1 beside a T2 that makes one point, "b". */
    private static void withB(RunEngine e, Runnable first, Chooser chooser) {
        e.run(List.of("T1", "T2"), List.of(first, points("b")), chooser, null, null, null);
    }

    private static int highest(ChoicePoint p) {
        int last = -1;
        for (int id = p.nextEnabled(0); id >= 0; id = p.nextEnabled(id + 1)) {
            last = id;
        }
        return last;
    }
}
