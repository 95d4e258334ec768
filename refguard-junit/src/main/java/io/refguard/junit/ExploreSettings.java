package io.refguard.junit;

import io.refguard.explore.ExploreOptions;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns an {@link ExploreTest} annotation into {@link ExploreOptions}: the explorer's {@linkplain
 * ExploreOptions#defaults() defaults} (system properties, else built-in values), with every
 * attribute that is not at its "unset" value applied on top.
 */
final class ExploreSettings {

    private ExploreSettings() {}

    /**
     * The options for {@code method}'s annotation.
     *
     * @throws ExtensionConfigurationException naming the method and attribute, for a value the
     *     explorer rejects or a system property it cannot read
     */
    static ExploreOptions options(ExploreTest a, Method method) {
        String where =
                "@ExploreTest on "
                        + method.getDeclaringClass().getSimpleName()
                        + "."
                        + method.getName()
                        + "()";
        ExploreOptions o;
        try {
            o = ExploreOptions.defaults();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
        try {
            if (a.strategy() != ExploreTest.Strategy.DEFAULT) {
                o = o.strategy(ExploreOptions.Strategy.valueOf(a.strategy().name()));
            }
            if (a.preemptionBound() != -1) {
                o = o.preemptionBound(a.preemptionBound());
            }
            if (a.maxRuns() != 0) {
                o = o.maxRuns(a.maxRuns());
            }
            if (!a.maxTime().isEmpty()) {
                o = o.maxTime(duration(a.maxTime(), "maxTime"));
            }
            if (!a.seed().isEmpty()) {
                o = o.seed(seed(a.seed()));
            }
            if (a.pctDepth() != 0) {
                o = o.pctDepth(a.pctDepth());
            }
            if (a.maxSteps() != 0) {
                o = o.maxSteps(a.maxSteps());
            }
            if (!a.runTimeout().isEmpty()) {
                o = o.runTimeout(duration(a.runTimeout(), "runTimeout"));
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    where + ": " + e.getMessage() + "; fix the annotation", e);
        }
        return o;
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 2m} or an ISO-8601 duration such as {@code PT30S}.
     */
    static Duration duration(String text, String attribute) {
        return ExploreOptions.parseDuration(text)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        attribute
                                                + " = \""
                                                + text
                                                + "\" is not a duration: write it like 500ms, 30s, 2m or PT30S"));
    }

    private static long seed(String text) {
        try {
            return Long.decode(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "seed = \"" + text + "\" is not a number: write it like 42 or 0x5EED", e);
        }
    }
}
