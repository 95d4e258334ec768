package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options: defaults, system properties, validation messages. */
class ExploreOptionsTest {

    static ExploreOptions withProperties(Map<String, String> props) {
        props.forEach(System::setProperty);
        try {
            return ExploreOptions.defaults();
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void defaultsAreDocumentedValues() {
        ExploreOptions o = ExploreOptions.defaults();
        assertEquals(ExploreOptions.Strategy.DEFAULT, o.strategy());
        assertEquals(ExploreOptions.DEFAULT_SEED, o.seed());
        assertEquals(ExploreOptions.DEFAULT_MAX_RUNS, o.maxRuns());
        assertEquals(Duration.ofSeconds(60), o.maxTime());
        assertEquals(2, o.preemptionBound());
        assertEquals(3, o.pctDepth());
        assertEquals(10_000, o.maxSteps());
        assertEquals(Duration.ofSeconds(10), o.runTimeout());
        assertFalse(o.sleepSets());
        assertTrue(o.minimize());
        assertTrue(o.replay().isEmpty());
    }

    @Test
    void systemPropertiesSetTheDefaults() {
        ExploreOptions o =
                withProperties(
                        Map.of(
                                "refguard.explore.strategy", "pct",
                                "refguard.explore.seed", "42",
                                "refguard.explore.maxRuns", "1000",
                                "refguard.explore.maxTime", "500ms",
                                "refguard.explore.preemptionBound", "none",
                                "refguard.explore.pctDepth", "4",
                                "refguard.explore.maxSteps", "99",
                                "refguard.explore.runTimeout", "PT2S",
                                "refguard.explore.sleepSets", "true",
                                "refguard.explore.minimize", "false"));
        assertEquals(ExploreOptions.Strategy.PCT, o.strategy());
        assertEquals(42, o.seed());
        assertEquals(1000, o.maxRuns());
        assertEquals(Duration.ofMillis(500), o.maxTime());
        assertEquals(Integer.MAX_VALUE, o.preemptionBound());
        assertEquals(4, o.pctDepth());
        assertEquals(99, o.maxSteps());
        assertEquals(Duration.ofSeconds(2), o.runTimeout());
        assertTrue(o.sleepSets());
        assertFalse(o.minimize());
    }

    @Test
    void codeWinsOverPropertiesForWhatItSets() {
        System.setProperty("refguard.explore.strategy", "random");
        try {
            assertEquals(
                    ExploreOptions.Strategy.EXHAUSTIVE, ExploreOptions.exhaustive().strategy());
            assertEquals(ExploreOptions.Strategy.RANDOM, ExploreOptions.defaults().strategy());
        } finally {
            System.clearProperty("refguard.explore.strategy");
        }
    }

    @Test
    void badPropertyValuesSayWhatToUse() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> withProperties(Map.of("refguard.explore.maxTime", "soon")));
        assertEquals(
                "system property refguard.explore.maxTime='soon' is not valid: use a positive"
                        + " duration of at most 365 days, such as 500ms, 30s, 2m or PT30S",
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> withProperties(Map.of("refguard.explore.strategy", "dfs")));
        assertEquals(
                "system property refguard.explore.strategy='dfs' is not valid: use one of default,"
                        + " exhaustive, random, pct, pos, surw, pct-races, dpor",
                e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> withProperties(Map.of("refguard.explore.maxRuns", "1_000")));
        assertEquals(
                "system property refguard.explore.maxRuns='1_000' is not valid: use a whole number"
                        + " from 1 to 2199023254528",
                e.getMessage(),
                "digits only, as the command line's --max-runs reads them");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> withProperties(Map.of("refguard.explore.maxRuns", "-3")));
        assertTrue(
                e.getMessage().endsWith("use a whole number from 1 to 2199023254528"),
                e.getMessage());
        for (String huge :
                new String[] {
                    "9223372036854775807s",
                    "153722867280912931m",
                    "PT2562047788015215H",
                    "9223372036854775807ms",
                    "366d",
                    "PT8761H"
                }) {
            e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> withProperties(Map.of("refguard.explore.maxTime", huge)),
                            huge);
            assertTrue(e.getMessage().contains("at most 365 days"), e.getMessage());
        }
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> withProperties(Map.of("refguard.explore.maxSteps", "4294967297")));
        assertTrue(e.getMessage().endsWith("use a whole number from 1 to 1000000"), e.getMessage());
    }

    @Test
    void hugeDurationsAreRefusedNotOverflowed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ExploreOptions.exhaustive()
                                        .maxTime(java.time.Duration.ofSeconds(Long.MAX_VALUE)));
        assertTrue(
                e.getMessage().startsWith("maxTime must be positive and at most 365 days"),
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ExploreOptions.exhaustive().runTimeout(java.time.Duration.ofDays(366)));
        assertTrue(
                ExploreOptions.parseDuration("153722867280912931m").isEmpty(),
                "beyond Duration: not a duration");
    }

    @Test
    void withersValidate() {
        assertThrows(IllegalArgumentException.class, () -> ExploreOptions.exhaustive().maxRuns(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ExploreOptions.exhaustive().preemptionBound(-1));
        assertThrows(IllegalArgumentException.class, () -> ExploreOptions.pct(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ExploreOptions.exhaustive().maxTime(Duration.ZERO));
        ExploreOptions o = ExploreOptions.random().seed(7).maxRuns(5);
        assertEquals(
                "ExploreOptions[random, seed=7, maxRuns=5, maxTime=PT1M, preemptionBound=2,"
                        + " pctDepth=3, maxSteps=10000, runTimeout=PT10S, sleepSets=false, minimize=true, internalPoints=false]",
                o.toString());
        ExploreOptions inside = o.internalPoints(true);
        assertTrue(inside.internalPoints());
        assertEquals(7, inside.seed(), "a wither keeps every other setting");
        assertEquals(5, inside.maxRuns());
        assertEquals(false, o.internalPoints(), "and leaves the original alone");
    }

    @Test
    void aScenarioNeedsActorsWithDistinctNames() {
        Scenario<Object> s = Explorer.scenario("empty").setup(Object::new);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::explore);
        assertEquals(
                "scenario \"empty\" has no actors: add at least one with actor(name, body)",
                e.getMessage());
        s.actor("T1", x -> {});
        assertThrows(IllegalArgumentException.class, () -> s.actor("T1", x -> {}));
    }

    @Test
    void parseDurationReadsEveryWayADurationIsWritten() {
        assertEquals(
                java.util.Optional.of(Duration.ofMillis(500)),
                ExploreOptions.parseDuration("500ms"));
        assertEquals(
                java.util.Optional.of(Duration.ofSeconds(30)),
                ExploreOptions.parseDuration(" 30S "));
        assertEquals(
                java.util.Optional.of(Duration.ofMinutes(2)), ExploreOptions.parseDuration("2m"));
        assertEquals(
                java.util.Optional.of(Duration.ofSeconds(30)),
                ExploreOptions.parseDuration("pt30s"));
        assertTrue(ExploreOptions.parseDuration("30").isEmpty(), "a unit is required");
        assertTrue(ExploreOptions.parseDuration("soon").isEmpty());
        assertTrue(ExploreOptions.parseDuration("1.5s").isEmpty());
    }
}
