package io.refguard.junit;

import io.refguard.explore.BadOptionValue;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreSetting;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Turns an {@link ExploreTest} annotation into {@link ExploreOptions}: the explorer's {@linkplain
 * ExploreOptions#defaults() defaults} (system properties, else built-in values), with every
 * attribute that is not at its "unset" value applied on top, each as the text of its {@link
 * ExploreSetting}, parsed as the system property and the command line's option are.
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
        for (Map.Entry<ExploreSetting, String> given : attributes(a).entrySet()) {
            ExploreSetting s = given.getKey();
            try {
                o = s.apply(o, given.getValue());
            } catch (BadOptionValue e) {
                throw new ExtensionConfigurationException(
                        where
                                + ": "
                                + s.key()
                                + " = \""
                                + e.text()
                                + "\" is not "
                                + e.what()
                                + ": use "
                                + e.want()
                                + "; fix the annotation",
                        e);
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(
                        where + ": " + e.getMessage() + "; fix the annotation", e);
            }
        }
        return o;
    }

    /** The attributes not at their "unset" values, as the text of their settings. */
    static Map<ExploreSetting, String> attributes(ExploreTest a) {
        Map<ExploreSetting, String> given = new EnumMap<>(ExploreSetting.class);
        if (!a.strategy().isEmpty()) {
            given.put(ExploreSetting.STRATEGY, a.strategy());
        }
        if (a.preemptionBound() != -1) {
            given.put(ExploreSetting.PREEMPTION_BOUND, String.valueOf(a.preemptionBound()));
        }
        if (a.maxRuns() != 0) {
            given.put(ExploreSetting.MAX_RUNS, String.valueOf(a.maxRuns()));
        }
        if (!a.maxTime().isEmpty()) {
            given.put(ExploreSetting.MAX_TIME, a.maxTime());
        }
        if (!a.seed().isEmpty()) {
            given.put(ExploreSetting.SEED, a.seed());
        }
        if (a.pctDepth() != 0) {
            given.put(ExploreSetting.PCT_DEPTH, String.valueOf(a.pctDepth()));
        }
        if (a.maxSteps() != 0) {
            given.put(ExploreSetting.MAX_STEPS, String.valueOf(a.maxSteps()));
        }
        if (!a.runTimeout().isEmpty()) {
            given.put(ExploreSetting.RUN_TIMEOUT, a.runTimeout());
        }
        return given;
    }
}
