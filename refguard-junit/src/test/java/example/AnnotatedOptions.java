package example;

import io.refguard.junit.Exploration;
import io.refguard.junit.ExploreTest;

/** Annotations whose options the settings tests read; never run. */
public final class AnnotatedOptions {

    private AnnotatedOptions() {}

    @ExploreTest
    void allDefaults(Exploration exploration) {}

    @ExploreTest(
            strategy = "pct",
            preemptionBound = 1,
            maxRuns = 9,
            maxTime = "1500ms",
            seed = "0x10",
            pctDepth = 4,
            maxSteps = 77,
            runTimeout = "PT3S")
    void everyAttribute(Exploration exploration) {}

    @ExploreTest(preemptionBound = ExploreTest.UNBOUNDED)
    void unbounded(Exploration exploration) {}

    @ExploreTest(preemptionBound = -2)
    void negativeBound(Exploration exploration) {}

    @ExploreTest(strategy = "fastest")
    void badStrategy(Exploration exploration) {}

    @ExploreTest(seed = "forty-two")
    void badSeed(Exploration exploration) {}

    @ExploreTest(maxTime = "9223372036854775807s")
    void hugeMaxTime(Exploration exploration) {}

    @ExploreTest(runTimeout = "153722867280912931m")
    void overflowingRunTimeout(Exploration exploration) {}
}
