package io.refguard.bench.search;

import io.refguard.agent.explore.AgentExplorer;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;

/**
 * One exploration of one side of a program with one search and seed, and what came of it.
 *
 * @param failed whether a failure was reported
 * @param kind the failure's kind, or null
 * @param runs runs to the failure, or runs made
 * @param millis wall time of the exploration, simplification and report included
 * @param preemptions preemptions of the reported schedule, or -1
 * @param verified whether the search ended exhausted (within its bound)
 * @param error what went wrong outside the program (a tool limit, a bad scenario), or null
 */
record Trial(
        boolean failed,
        FailureKind kind,
        long runs,
        long millis,
        int preemptions,
        boolean verified,
        String error) {

    static Trial run(Scenario<?> scenario, ExploreOptions options) {
        return run(scenario, options, false);
    }

    /** Explores {@code scenario}, through the agent's adapter when {@code viaAgent}. */
    static Trial run(Scenario<?> scenario, ExploreOptions options, boolean viaAgent) {
        long start = System.nanoTime();
        try {
            ExploreResult r =
                    viaAgent ? AgentExplorer.explore(scenario, options) : scenario.explore(options);
            return new Trial(false, null, r.runs(), elapsed(start), -1, r.exhausted(), null);
        } catch (InterleavingFailure f) {
            return new Trial(
                    true,
                    f.report().failure().kind(),
                    f.report().runs(),
                    elapsed(start),
                    f.report().preemptions(),
                    false,
                    null);
        } catch (InterleavingInconclusive e) {
            // refguard's limit, not the program's bug: counted as neither found nor verified
            return new Trial(
                    false,
                    null,
                    0,
                    elapsed(start),
                    -1,
                    false,
                    "inconclusive ("
                            + e.kind()
                            + "): "
                            + e.getMessage().lines().findFirst().orElse(""));
        } catch (RuntimeException e) {
            return new Trial(
                    false,
                    null,
                    0,
                    elapsed(start),
                    -1,
                    false,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
