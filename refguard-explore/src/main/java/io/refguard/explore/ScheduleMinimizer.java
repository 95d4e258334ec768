package io.refguard.explore;

import io.refguard.explore.runtime.RunEngine;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.strategy.Strategies;
import io.refguard.explore.strategy.Strategy;

/**
 * Simplifies a failing schedule found by a random strategy: greedy trace simplification in the
 * spirit of Jalbert and Sen, "A trace simplification technique for effective debugging of
 * concurrent programs", FSE 2010. For each context switch, from the last one back, it tries
 * two rewrites: continue the previous thread without preempting it (drop the rest of the
 * schedule), and move the previous thread's next block of steps up to the switch (merging its
 * two blocks). Each candidate is run as a guided schedule; it is kept when the run fails the same
 * way (same outcome, same exception class) with fewer preemptions, or as many in fewer steps.
 * Bounded by a run budget.
 */
final class ScheduleMinimizer {

    /** A simplified schedule and its preemption count. */
    static final class Result {
        final int[] schedule;
        final int preemptions;

        Result(int[] schedule, int preemptions) {
            this.schedule = schedule;
            this.preemptions = preemptions;
        }
    }

    private final ScenarioRunner<?> runner;
    private final RunEngine engine;
    private int budget;

    ScheduleMinimizer(ScenarioRunner<?> runner, RunEngine engine, int budget) {
        this.runner = runner;
        this.engine = engine;
        this.budget = budget;
    }

    Result minimize(int[] schedule, int preemptions, RunStatus status, Throwable cause) {
        int[] best = schedule;
        int bestPreemptions = preemptions;
        boolean improved = true;
        while (improved && bestPreemptions > 0 && budget > 0) {
            improved = false;
            search:
            for (int p = best.length - 1; p >= 1; p--) {
                if (best[p] == best[p - 1]) {
                    continue;
                }
                for (int[] candidate : new int[][] {dropFrom(best, p), mergeNextBlock(best, p)}) {
                    if (candidate == null || budget-- <= 0) {
                        continue;
                    }
                    Strategy guided = Strategies.guided(candidate);
                    guided.hasNextRun();
                    RunStatus st = runner.runOnce(engine, guided.chooser(), null);
                    if (sameFailure(st, status, cause)
                            && (engine.preemptions() < bestPreemptions
                                    || engine.preemptions() == bestPreemptions && engine.steps() < best.length)) {
                        best = engine.schedule();
                        bestPreemptions = engine.preemptions();
                        improved = true;
                        break search;
                    }
                }
            }
        }
        return new Result(best, bestPreemptions);
    }

    private boolean sameFailure(RunStatus st, RunStatus status, Throwable cause) {
        if (st != status) {
            return false;
        }
        Throwable c = engine.failureCause();
        return cause == null ? c == null : c != null && c.getClass() == cause.getClass();
    }

    /** The prefix before {@code p}, then the thread before the switch goes on. */
    private static int[] dropFrom(int[] s, int p) {
        int[] c = new int[p + 1];
        System.arraycopy(s, 0, c, 0, p);
        c[p] = s[p - 1];
        return c;
    }

    /** Moves the next block of the thread running before {@code p} up to {@code p}. */
    private static int[] mergeNextBlock(int[] s, int p) {
        int a = s[p - 1];
        int q = p;
        while (q < s.length && s[q] != a) {
            q++;
        }
        if (q == s.length) {
            return null;
        }
        int r = q;
        while (r < s.length && s[r] == a) {
            r++;
        }
        int[] c = new int[s.length];
        System.arraycopy(s, 0, c, 0, p);
        System.arraycopy(s, q, c, p, r - q);
        System.arraycopy(s, p, c, p + (r - q), q - p);
        System.arraycopy(s, r, c, r, s.length - r);
        return c;
    }
}
