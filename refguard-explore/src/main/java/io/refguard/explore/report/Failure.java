package io.refguard.explore.report;

import java.util.List;
import java.util.Objects;

/**
 * Why a schedule failed. Immutable.
 *
 * @param kind what failed
 * @param thread the id of the thread the failure belongs to, or -1 (final check, deadlock, leak)
 * @param summary one line saying what happened, e.g. {@code T2 threw IllegalStateException: ...}
 * @param location {@code File.java:line} where it happened in user code, or null
 * @param details further lines: the blocked threads of a deadlock, a stuck thread's stack
 */
public record Failure(
        FailureKind kind, int thread, String summary, String location, List<String> details) {

    /** Validates and copies. */
    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
    }
}
