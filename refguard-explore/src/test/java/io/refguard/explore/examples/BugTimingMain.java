package io.refguard.explore.examples;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import java.util.function.Supplier;

/**
 * Prints how long the explorer takes to find each of the four example bugs (exhaustive, bound 2),
 * in a fresh JVM and after warm-up. Not a test: timings belong here, not in assertions. {@code java
 * -cp <test classpath> io.refguard.explore.examples.BugTimingMain}.
 */
public final class BugTimingMain {

    private BugTimingMain() {}

    public static void main(String[] args) {
        for (int round = 1; round <= 3; round++) {
            for (Supplier<Scenario<?>> bug : ExampleBugs.all().values()) {
                Scenario<?> s = bug.get();
                long t0 = System.nanoTime();
                try {
                    s.explore(ExploreOptions.exhaustive().preemptionBound(2));
                    System.out.printf("round %d: %-22s NOT FOUND%n", round, s.name());
                } catch (InterleavingFailure f) {
                    System.out.printf(
                            "round %d: %-22s found in %6.2f ms after %d runs (traced re-run included)%n",
                            round, s.name(), (System.nanoTime() - t0) / 1e6, f.report().runs());
                }
            }
        }
    }
}
