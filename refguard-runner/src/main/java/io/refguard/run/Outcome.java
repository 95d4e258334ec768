package io.refguard.run;

import io.refguard.explore.Coverage;

/**
 * The graded result of one exploration, as the command line prints it and tools read it. Immutable.
 *
 * @param name the case name, or the explored class's name
 * @param variant the variant of a seed case ({@code buggy} or {@code fixed}), or null for an
 *     exploration that is not one
 * @param verdict what the exploration concluded
 * @param expected the verdict the case should get, or null when nothing was expected
 * @param schedules runs executed
 * @param millis wall time of the exploration
 * @param preemptions see {@link Explored#preemptions()}
 * @param token the replay token of the reported schedule (a failing one, or the run whose steps
 *     differed from an earlier run of the same schedule), or null
 * @param strategy how the search was done
 * @param failure the failure's one-line summary, or null
 * @param table the rendered failure report (or why the exploration is inconclusive), or null
 * @param choicePoints choice points of a search that passed, or -1
 * @param guarantee what a search that passed guarantees, or null
 * @param coverage what a search that passed covered and the estimate of what it left, or null
 */
public record Outcome(
        String name,
        String variant,
        Verdict verdict,
        Verdict expected,
        long schedules,
        long millis,
        int preemptions,
        String token,
        String strategy,
        String failure,
        String table,
        long choicePoints,
        String guarantee,
        Coverage coverage) {

    /** Whether the verdict is the expected one (true when nothing was expected). */
    public boolean asExpected() {
        return expected == null || expected == verdict;
    }

    /**
     * The outcome of an exploration that had no expectation: bug found, verified (the search
     * covered its space), clean (a budget stopped it first) or inconclusive.
     */
    public static Outcome of(String name, Explored e) {
        return graded(name, null, ungraded(e), null, e);
    }

    /** What {@code e} concluded, with nothing expected of it. */
    public static Verdict ungraded(Explored e) {
        return e.inconclusive()
                ? Verdict.INCONCLUSIVE
                : e.failed() ? Verdict.BUG_FOUND : e.exhausted() ? Verdict.VERIFIED : Verdict.CLEAN;
    }

    /**
     * The outcome of {@code e} named {@code name}, with the {@code verdict} it was given and the
     * one {@code expected} of it (null: nothing was).
     */
    public static Outcome graded(
            String name, String variant, Verdict verdict, Verdict expected, Explored e) {
        return new Outcome(
                name,
                variant,
                verdict,
                expected,
                e.schedules(),
                e.millis(),
                e.preemptions(),
                e.token(),
                e.strategy(),
                e.failureSummary(),
                e.table(),
                e.choicePoints(),
                e.guarantee(),
                e.result() == null ? null : e.result().coverage());
    }
}
