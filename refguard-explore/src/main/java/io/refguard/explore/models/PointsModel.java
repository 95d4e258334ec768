package io.refguard.explore.models;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;

/**
 * The reference workload for measuring the explorer's own speed: {@code threads} actors that each
 * pass {@code points} scheduling points (reads of one shared int) and nothing else, so a
 * measurement sees only scheduling cost. Used by the measurement program in the tests and by the
 * JMH benchmarks.
 */
public final class PointsModel {

    private PointsModel() {}

    /** The scenario: {@code threads} actors of {@code points} reads each, no checks. */
    public static Scenario<SharedInt> scenario(int threads, int points) {
        Scenario<SharedInt> s =
                Explorer.scenario("points " + threads + "x" + points)
                        .setup(() -> new SharedInt("x", 0));
        for (int t = 0; t < threads; t++) {
            s.actor(
                    "T" + (t + 1),
                    x -> {
                        for (int i = 0; i < points; i++) {
                            x.get();
                        }
                    });
        }
        return s;
    }

    /** Explores {@link #scenario} exhaustively within {@code bound} preemptions. */
    public static ExploreResult exhaustive(int threads, int points, int bound) {
        return scenario(threads, points)
                .explore(ExploreOptions.exhaustive().preemptionBound(bound));
    }
}
