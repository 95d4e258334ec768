package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.refguard.explore.ExploreOptions.Strategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One parser per kind of setting value, shared by the system properties, the command line and the
 * JUnit annotation.
 */
class OptionValuesTest {

    @Test
    void durationsAreWrittenOneWayEverywhere() {
        assertEquals(Duration.ofMillis(500), OptionValues.duration("500ms"));
        assertEquals(Duration.ofSeconds(30), OptionValues.duration(" 30s "));
        assertEquals(Duration.ofMinutes(2), OptionValues.duration("2m"));
        assertEquals(Duration.ofSeconds(90), OptionValues.duration("PT1M30S"));
        assertEquals(Duration.ofSeconds(90), OptionValues.duration("pt1m30s"));
        for (String bad :
                new String[] {"soon", "5h", "ms", "1.5s", "P", "0s", "-1s", "366d", "PT8761H"}) {
            BadOptionValue e = assertThrows(BadOptionValue.class, () -> OptionValues.duration(bad));
            String what =
                    switch (bad) {
                        case "0s", "-1s" -> "a positive duration"; // a duration, but not positive
                        case "PT8761H" -> "a duration of at most 365 days";
                        default -> "a duration";
                    };
            assertEquals(
                    "'"
                            + bad
                            + "' is not "
                            + what
                            + "; use a positive duration of at most 365 days,"
                            + " such as 500ms, 30s, 2m or PT30S",
                    e.getMessage());
            assertEquals(bad, e.text());
        }
    }

    @Test
    void seedsAreNumbersInAnyBaseLongDecodeReadsOrRandom() {
        assertEquals(42, OptionValues.seed("42"));
        assertEquals(0x5EED, OptionValues.seed(" 0x5EED "));
        assertEquals(-7, OptionValues.seed("-7"));
        assertEquals(
                8, OptionValues.seed("010"), "a leading zero is octal, as Long.decode reads it");
        long a = OptionValues.seed("random");
        long b = OptionValues.seed("RANDOM");
        assertEquals(false, a == b && a == OptionValues.seed("random"), "random seeds differ");
        BadOptionValue e = assertThrows(BadOptionValue.class, () -> OptionValues.seed("forty-two"));
        assertEquals(
                "'forty-two' is not a seed; use a number such as 42 or 0x5EED, or random",
                e.getMessage());
    }

    @Test
    void strategiesAreReadByTheirIdsInAnyCase() {
        for (Strategy s : Strategy.values()) {
            assertEquals(s, OptionValues.strategy(s.id()));
            assertEquals(s, OptionValues.strategy(s.name()), "the enum's name reads too");
        }
        assertEquals(Strategy.PCT_RACES, OptionValues.strategy(" Pct-Races "));
        BadOptionValue e = assertThrows(BadOptionValue.class, () -> OptionValues.strategy("bfs"));
        assertEquals(
                "'bfs' is not a strategy; use one of default, exhaustive, random, pct, pos, surw,"
                        + " pct-races, dpor",
                e.getMessage());
    }

    @Test
    void countsBoundsAndSwitches() {
        assertEquals(1_000, OptionValues.count(" 1000 ", 1_000));
        assertThrows(BadOptionValue.class, () -> OptionValues.count("1_000", 1_000));
        assertThrows(BadOptionValue.class, () -> OptionValues.count("1001", 1_000));
        assertThrows(BadOptionValue.class, () -> OptionValues.count("0", 1_000));
        assertEquals(0, OptionValues.bound("0"));
        assertEquals(Integer.MAX_VALUE, OptionValues.bound("None"));
        assertThrows(BadOptionValue.class, () -> OptionValues.bound("-1"));
        assertEquals(true, OptionValues.bool(" TRUE "));
        assertEquals(false, OptionValues.bool("false"));
        assertThrows(BadOptionValue.class, () -> OptionValues.bool("yes"));
    }

    @Test
    void shardsAreIOfNCountedFromOne() {
        assertEquals("[2, 4]", java.util.Arrays.toString(OptionValues.shard(" 2/4 ")));
        assertEquals("[1, 1]", java.util.Arrays.toString(OptionValues.shard("1/1")));
        for (String bad :
                new String[] {
                    "0/2",
                    "3/2",
                    "1/0",
                    "2",
                    "1/2/3",
                    "-1/2",
                    "a/b",
                    "/2",
                    "1/",
                    "",
                    "1/10001",
                    "1 / 2",
                    "99999999999/2"
                }) {
            BadOptionValue e = assertThrows(BadOptionValue.class, () -> OptionValues.shard(bad));
            assertEquals(
                    "'"
                            + bad
                            + "' is not a shard; use i/N with N from 1 to 10000 and i from 1 to N"
                            + " (the first shard is 1), such as 2/4",
                    e.getMessage());
        }
        ExploreOptions o = ExploreSetting.SHARD.apply(ExploreOptions.builtIn(), "3/5");
        assertEquals(3, o.shardIndex());
        assertEquals(5, o.shardCount());
        assertEquals("refguard.explore.shard", ExploreSetting.SHARD.property());
        assertThrows(IllegalArgumentException.class, () -> o.shard(6, 5));
    }

    @Test
    void everySettingMapsItsTextOntoItsOption() {
        ExploreOptions o = ExploreOptions.builtIn();
        o = ExploreSetting.STRATEGY.apply(o, "pct");
        o = ExploreSetting.SEED.apply(o, "0x10");
        o = ExploreSetting.MAX_RUNS.apply(o, "9");
        o = ExploreSetting.MAX_TIME.apply(o, "1500ms");
        o = ExploreSetting.PREEMPTION_BOUND.apply(o, "none");
        o = ExploreSetting.PCT_DEPTH.apply(o, "4");
        o = ExploreSetting.MAX_STEPS.apply(o, "77");
        o = ExploreSetting.RUN_TIMEOUT.apply(o, "PT3S");
        o = ExploreSetting.SLEEP_SETS.apply(o, "true");
        o = ExploreSetting.MINIMIZE.apply(o, "false");
        o = ExploreSetting.INTERNAL_POINTS.apply(o, "true");
        o = ExploreSetting.SHARD.apply(o, "2/7");
        assertEquals(
                "ExploreOptions[pct, seed=16, maxRuns=9, maxTime=PT1.5S, preemptionBound=none,"
                        + " pctDepth=4, maxSteps=77, runTimeout=PT3S, sleepSets=true,"
                        + " minimize=false, internalPoints=true, shard=2/7]",
                o.toString());
        assertEquals("refguard.explore.maxTime", ExploreSetting.MAX_TIME.property());
        assertThrows(BadOptionValue.class, () -> ExploreSetting.PCT_DEPTH.check("2147483648"));
    }
}
