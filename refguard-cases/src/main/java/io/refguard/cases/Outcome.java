package io.refguard.cases;

/**
 * The graded result of one exploration, as the command line prints it and tools read it. Immutable.
 *
 * @param name the case name, or the explored class's name
 * @param variant the case's variant, or null for an exploration that is not a seed case
 * @param verdict what the exploration concluded
 * @param expected the verdict the case should get, or null when nothing was expected
 * @param schedules runs executed
 * @param millis wall time of the exploration
 * @param preemptions see {@link Exploration#preemptions()}
 * @param token the replay token of the failing schedule, or null
 * @param strategy how the search was done
 * @param failure the failure's one-line summary, or null
 * @param table the rendered failure report (or why the exploration is inconclusive), or null
 * @param choicePoints choice points of a search that passed, or -1
 * @param guarantee what a search that passed guarantees, or null
 */
public record Outcome(
        String name,
        Variant variant,
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
        String guarantee) {

    /** Whether the verdict is the expected one (true when nothing was expected). */
    public boolean asExpected() {
        return expected == null || expected == verdict;
    }

    /** The outcome of an exploration that had no expectation. */
    public static Outcome of(String name, Exploration e) {
        Verdict v =
                e.inconclusive()
                        ? Verdict.INCONCLUSIVE
                        : e.failed()
                                ? Verdict.BUG_FOUND
                                : e.exhausted() ? Verdict.VERIFIED : Verdict.CLEAN;
        return new Outcome(
                name,
                null,
                v,
                null,
                e.schedules(),
                e.millis(),
                e.preemptions(),
                e.token(),
                e.strategy(),
                e.failureSummary(),
                e.table(),
                e.choicePoints(),
                e.guarantee());
    }

    /** The outcome of a seed case's exploration, graded against the case's expectation. */
    public static Outcome of(SeedCase c, Exploration e) {
        return new Outcome(
                c.name(),
                c.variant(),
                grade(c, e),
                c.expected(),
                e.schedules(),
                e.millis(),
                e.preemptions(),
                e.token(),
                e.strategy(),
                e.failureSummary(),
                e.table(),
                e.choicePoints(),
                e.guarantee());
    }

    /**
     * The grading rules: a buggy case must fail with the failure its seed describes; a fixed case
     * must pass an exhaustive search.
     */
    static Verdict grade(SeedCase c, Exploration e) {
        if (e.inconclusive()) {
            return Verdict.INCONCLUSIVE;
        }
        if (c.variant() == Variant.BUGGY) {
            if (!e.failed()) {
                return Verdict.MISSED;
            }
            var f = e.failure().report().failure();
            return f.kind() == c.expectedKind() && f.summary().contains(c.expectedText())
                    ? Verdict.BUG_FOUND
                    : Verdict.FALSE_ALARM;
        }
        if (e.failed()) {
            return Verdict.FALSE_ALARM;
        }
        return e.exhausted() ? Verdict.VERIFIED : Verdict.CLEAN;
    }
}
