package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.AnnotatedOptions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreSetting;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** From {@link ExploreTest} attributes to {@link ExploreOptions}. */
class ExploreSettingsTest {

    private static final String BOUND_PROPERTY = "refguard.explore.preemptionBound";

    private static final String SHARD_PROPERTY = "refguard.explore.shard";

    @AfterEach
    void clearProperty() {
        System.clearProperty(BOUND_PROPERTY);
        System.clearProperty(SHARD_PROPERTY);
    }

    private static ExploreOptions options(String method) {
        try {
            Method m = AnnotatedOptions.class.getDeclaredMethod(method, Exploration.class);
            return ExploreSettings.options(m.getAnnotation(ExploreTest.class), m);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theStrategyIsNamedAsOnTheCommandLineAndABadNameListsTheNames() {
        assertEquals(ExploreOptions.Strategy.PCT, options("everyAttribute").strategy());
        ExtensionConfigurationException e =
                assertThrows(ExtensionConfigurationException.class, () -> options("badStrategy"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.badStrategy(): strategy = \"fastest\" is not a"
                        + " strategy: use one of "
                        + ExploreOptions.Strategy.ids()
                        + "; fix the annotation",
                e.getMessage());
    }

    @Test
    void unsetAttributesLeaveTheExplorersDefaults() {
        assertEquals(ExploreOptions.defaults().toString(), options("allDefaults").toString());
    }

    @Test
    void unsetAttributesFollowTheExplorersSystemPropertiesAndSetOnesWin() {
        System.setProperty(BOUND_PROPERTY, "5");
        assertEquals(5, options("allDefaults").preemptionBound());
        assertEquals(1, options("everyAttribute").preemptionBound());
    }

    @Test
    void everyAttributeReachesTheOptions() {
        ExploreOptions o = options("everyAttribute");
        assertEquals(ExploreOptions.Strategy.PCT, o.strategy());
        assertEquals(1, o.preemptionBound());
        assertEquals(9, o.maxRuns());
        assertEquals(Duration.ofMillis(1500), o.maxTime());
        assertEquals(16, o.seed());
        assertEquals(4, o.pctDepth());
        assertEquals(77, o.maxSteps());
        assertEquals(Duration.ofSeconds(3), o.runTimeout());
        assertEquals(Integer.MAX_VALUE, options("unbounded").preemptionBound());
    }

    @Test
    void valuesTheExplorerRejectsNameTheMethod() {
        ExtensionConfigurationException e =
                assertThrows(ExtensionConfigurationException.class, () -> options("negativeBound"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.negativeBound(): preemptionBound = \"-2\" is not a"
                        + " preemption bound: use a whole number from 0, or none; fix the annotation",
                e.getMessage());
        e = assertThrows(ExtensionConfigurationException.class, () -> options("badSeed"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.badSeed(): seed = \"forty-two\" is not a seed: use a"
                        + " number such as 42 or 0x5EED, or random; fix the annotation",
                e.getMessage());
    }

    @Test
    void durationsNearLongMaxValueAreRefusedNotOverflowed() {
        ExtensionConfigurationException e =
                assertThrows(ExtensionConfigurationException.class, () -> options("hugeMaxTime"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.hugeMaxTime(): maxTime = \"9223372036854775807s\" is"
                        + " not a duration of at most 365 days: use a positive duration of at most 365 days, such as 500ms,"
                        + " 30s, 2m or PT30S; fix the annotation",
                e.getMessage());
        e =
                assertThrows(
                        ExtensionConfigurationException.class,
                        () -> options("overflowingRunTimeout"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.overflowingRunTimeout(): runTimeout ="
                        + " \"153722867280912931m\" is not a duration: use a positive duration of at"
                        + " most 365 days, such as 500ms, 30s, 2m or PT30S; fix the annotation",
                e.getMessage());
    }

    @Test
    void theShardPropertyReachesEveryAnnotatedTest() {
        System.setProperty(SHARD_PROPERTY, "2/3");
        ExploreOptions o = options("allDefaults");
        assertEquals(2, o.shardIndex());
        assertEquals(3, o.shardCount());
        System.setProperty(SHARD_PROPERTY, "4/3");
        ExtensionConfigurationException e =
                assertThrows(ExtensionConfigurationException.class, () -> options("allDefaults"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.allDefaults(): system property "
                        + SHARD_PROPERTY
                        + "='4/3' is not valid: use i/N with N from 1 to 10000 and i from 1 to N"
                        + " (the first shard is 1), such as 2/4",
                e.getMessage());
    }

    @Test
    void aBadExplorerPropertyNamesTheMethodAndTheProperty() {
        System.setProperty(BOUND_PROPERTY, "lots");
        ExtensionConfigurationException e =
                assertThrows(ExtensionConfigurationException.class, () -> options("allDefaults"));
        assertEquals(
                "@ExploreTest on AnnotatedOptions.allDefaults(): system property "
                        + BOUND_PROPERTY
                        + "='lots' is not valid: use a whole number from 0, or none",
                e.getMessage());
    }

    @Test
    void attributesAreReadByTheSameParsersAsThePropertiesAndTheCommandLine() throws Exception {
        Method m = AnnotatedOptions.class.getDeclaredMethod("everyAttribute", Exploration.class);
        Map<ExploreSetting, String> given =
                ExploreSettings.attributes(m.getAnnotation(ExploreTest.class));
        assertEquals(8, given.size(), "every attribute is set: " + given);
        ExploreOptions viaProperties = ExploreOptions.defaults();
        for (Map.Entry<ExploreSetting, String> e : given.entrySet()) {
            System.setProperty(e.getKey().property(), e.getValue());
        }
        try {
            viaProperties = ExploreOptions.defaults();
        } finally {
            for (ExploreSetting s : given.keySet()) {
                System.clearProperty(s.property());
            }
        }
        assertEquals(viaProperties.toString(), options("everyAttribute").toString());
    }
}
