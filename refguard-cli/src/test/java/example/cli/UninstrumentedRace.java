package example.cli;

import example.cli.lib.PlainCounter;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Two actors that only call code outside the included package: with --include example.cli.*
 * refguard sees none of their operations, so the exploration is inconclusive, not a pass.
 */
public final class UninstrumentedRace {

    private UninstrumentedRace() {}

    public static Scenario<PlainCounter> scenario() {
        return Explorer.scenario("uninstrumented")
                .setup(PlainCounter::new)
                .actor("T1", PlainCounter::increment)
                .actor("T2", PlainCounter::increment);
    }
}
