package io.refguard.run;

import java.util.Locale;

/**
 * What an exploration concluded, graded against what was expected of it.
 *
 * <p>For an exploration with an expectation (a seed case of the corpus: a buggy model should be
 * {@link #BUG_FOUND}, a fixed one {@link #VERIFIED}), anything else means the model, the explorer
 * or the checker is wrong. For an exploration of a user's class, with no expectation, the verdict
 * is {@code BUG_FOUND}, {@code VERIFIED} or {@code CLEAN}, or {@code INCONCLUSIVE} when refguard
 * could not control it.
 */
public enum Verdict {
    /** A failing schedule was found (for a buggy case: the failure the seed describes). */
    BUG_FOUND,
    /** No schedule failed and the search covered every schedule within the preemption bound. */
    VERIFIED,
    /** A buggy case passed every schedule explored: the bug was not found. */
    MISSED,
    /**
     * A failure that should not be there: a fixed case failed, or a buggy case failed in another
     * way than the seed describes.
     */
    FALSE_ALARM,
    /** No schedule failed, but the search stopped at a budget before covering its space. */
    CLEAN,
    /**
     * refguard could not control the program (a thread stuck outside its control, a thread it did
     * not start, its thread limit, code that is not instrumented): neither a bug nor a pass.
     */
    INCONCLUSIVE;

    /** The lower-case name used in JSON: {@code bug_found}, {@code verified}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name for humans: {@code bug found}, {@code false alarm}, ... */
    public String text() {
        return id().replace('_', ' ');
    }
}
