package io.refguard.explore.bench;

import io.refguard.explore.ExploreResult;
import io.refguard.explore.models.PointsModel;

/**
 * Measures schedules per second on the reference model (2 actors x 10 points, exhaustive within
 * preemption bound 2), repeated so the JIT warms up. Not a test: run it by hand with {@code java
 * -cp <test classpath> io.refguard.explore.bench.ThroughputMain [rounds]}.
 */
public final class ThroughputMain {

    private ThroughputMain() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        for (int r = 1; r <= rounds; r++) {
            ExploreResult res = PointsModel.exhaustive(2, 10, 2);
            System.out.printf("round %2d: %s%n", r, res);
        }
    }
}
