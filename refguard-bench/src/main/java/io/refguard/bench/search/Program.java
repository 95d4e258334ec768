package io.refguard.bench.search;

import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import java.util.Objects;

/**
 * One program of the bug-finding corpus: a buggy scenario and its fix, built fresh for every
 * exploration by {@link Builder}.
 *
 * @param name unique, such as {@code reorder-10}
 * @param family the classic family it follows, such as {@code reorder}
 * @param threads threads in a run
 * @param expected how the bug shows (a thread threw, deadlock, ...)
 * @param builder builds the buggy ({@code fixed = false}) or fixed scenario
 * @param viaAgent whether the scenario's classes are instrumented and must be explored through the
 *     agent's adapter (the seed cases)
 */
public record Program(
        String name,
        String family,
        int threads,
        FailureKind expected,
        Builder builder,
        boolean viaAgent) {

    /** Builds one side of a program. */
    @FunctionalInterface
    public interface Builder {
        /** The scenario; {@code fixed} selects the fix. */
        Scenario<?> build(boolean fixed);
    }

    public Program {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(builder, "builder");
    }

    /** The buggy scenario. */
    public Scenario<?> buggy() {
        return builder.build(false);
    }

    /** The fixed scenario. */
    public Scenario<?> fixed() {
        return builder.build(true);
    }

    static Program of(String name, String family, int threads, FailureKind expected, Builder b) {
        return new Program(name, family, threads, expected, b, false);
    }
}
