package io.refguard.explore;

import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunEngine;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.strategy.Search;
import io.refguard.explore.strategy.Strategies;
import java.util.Arrays;

/**
 * Simplifies a failing schedule found by a random strategy, in three passes, each candidate run as
 * a guided schedule and kept when the run fails the same way (same outcome, same exception class)
 * with fewer preemptions, or as many in fewer steps. Bounded by a run budget and by {@link
 * #STEP_BUDGET} scheduling steps over all candidate runs (a third of them for the first pass),
 * since runs of many threads are long; both are counts, so the same failure simplifies to the same
 * schedule on any machine. {@link #SAFETY_NANOS} of wall time only stops a simplification whose
 * runs are extraordinarily slow.
 *
 * <ol>
 *   <li><b>Threads that do not matter.</b> Delta debugging over threads (Zeller and Hildebrandt,
 *       "Simplifying and isolating failure-inducing input", TSE 2002): the steps of a group of
 *       threads are removed from the schedule, so those threads run only after the rest, without
 *       preemption. Groups start at half the threads and halve. Among many threads most are
 *       bystanders of a bug, and each of their switches is a preemption: removing them takes a torn
 *       pair among 31 threads from dozens of preemptions to a handful in a few dozen runs.
 *   <li><b>Switches that do not matter.</b> Greedy trace simplification in the spirit of Jalbert
 *       and Sen, "A trace simplification technique for effective debugging of concurrent programs",
 *       FSE 2010. For each context switch, from the last one back, and first only for those that
 *       are preemptions (a run of many threads has far more switches than preemptions), rewrites:
 *       continue the previous thread without preempting it (drop the rest of the schedule), and
 *       move the previous thread's next block of steps up to the switch (merging its two blocks),
 *       and move the block before the switch down to that thread's next block (merging them the
 *       other way: a thread that started too early waits). A kept rewrite does not restart the
 *       sweep: it goes on below that switch, so a sweep costs at most three runs per switch however
 *       many it removes, and sweeps repeat while they remove some. The sweep over every switch
 *       comes last, within {@link #EVERY_SWITCH_BUDGET} runs: in long runs it mostly finds
 *       schedules a few steps shorter.
 *   <li><b>A search below.</b> When more than one preemption is left, an exhaustive search with
 *       iterative preemption bounding (Musuvathi and Qadeer, PLDI 2007) below that count, for at
 *       most {@link #SEARCH_BUDGET} runs, looks for the same failure with fewer preemptions; the
 *       first it finds has the fewest. It orders only the threads that ran in the failing schedule
 *       and that the first pass could not move out of the way ({@link FocusedChooser}); the others,
 *       bystanders, run when none of those can. Among a hundred threads where two race, the search
 *       then orders those two (and the thread that checks) instead of every thread. Deadlocks among
 *       a few threads need this: every thread matters, and the switches the greedy pass can drop
 *       are not the ones that matter. The search is skipped when it would order more than {@link
 *       #FOCUS_LIMIT} threads: it would spend its budget on the orders in which they finish.
 * </ol>
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

    /**
     * Runs the sweep over every switch may spend, after the sweeps over preemptions: in a run of
     * thousands of steps it finds mostly schedules a few steps shorter, at a run each.
     */
    static final int EVERY_SWITCH_BUDGET = 150;

    /** Runs the search below may spend. */
    static final int SEARCH_BUDGET = 2_000;

    /**
     * Threads the search below may order: 6 threads finish in 720 orders without a preemption, 7 in
     * 5,040, more than {@link #SEARCH_BUDGET}, so a search over more would not get past them.
     */
    static final int FOCUS_LIMIT = 6;

    /** Scheduling steps all passes together may run: runs of many threads are long. */
    static final long STEP_BUDGET = 2_000_000;

    /** Wall time after which simplification stops whatever is left of its budgets. */
    static final long SAFETY_NANOS = 60_000_000_000L;

    private final ScenarioRunner<?> runner;
    private final RunEngine engine;
    private int budget;

    ScheduleMinimizer(ScenarioRunner<?> runner, RunEngine engine, int budget, Progress progress) {
        this.runner = runner;
        this.engine = engine;
        this.budget = budget;
        this.progress = progress;
    }

    private final Progress progress;

    /** The preemptions of the schedule given to simplify, for progress lines. */
    private int found;

    private long deadline;
    private long stepsLeft;

    /** Whether more than {@code reserve} steps are left, and the safety time has not run out. */
    private boolean stepsLeft(long reserve) {
        return stepsLeft > reserve && System.nanoTime() - deadline < 0;
    }

    private RunStatus run(Chooser chooser) {
        RunStatus st = runner.runOnce(engine, chooser, null);
        stepsLeft -= engine.steps();
        if (progress.due()) {
            progress.tell(
                    "a failure was found with "
                            + found
                            + String.format(
                                    " preemptions; simplifying its schedule, within %,d steps"
                                            + " (--no-minimize skips this)",
                                    STEP_BUDGET));
        }
        return st;
    }

    Result minimize(int[] schedule, int preemptions, RunStatus status, Throwable cause) {
        deadline = System.nanoTime() + SAFETY_NANOS;
        stepsLeft = STEP_BUDGET;
        found = preemptions;
        Search original = Strategies.replay(schedule);
        original.hasNextRun();
        runner.runOnce(engine, original.chooser(), null); // for its preemptions' steps
        stepsLeft -= engine.steps();
        int[] bestPreempted = engine.preemptionSteps();
        int[] best = schedule;
        int bestPreemptions = preemptions;
        // pass 1: remove groups of threads
        int threads = 0;
        for (int t : best) {
            threads = Math.max(threads, t + 1);
        }
        boolean[] bystander = new boolean[threads];
        long passOneReserve = STEP_BUDGET - STEP_BUDGET / 3;
        for (int group = Math.max(1, threads / 2);
                group >= 1 && bestPreemptions > 0 && budget > 0 && stepsLeft(passOneReserve);
                group /= 2) {
            for (int first = 0;
                    first < threads
                            && bestPreemptions > 0
                            && stepsLeft(passOneReserve)
                            && budget-- > 0;
                    first += group) {
                int[] candidate = without(best, first, first + group);
                if (candidate.length == best.length) {
                    budget++; // none of these threads ran before the failure: nothing to try
                    continue;
                }
                Search guided = Strategies.guided(candidate);
                guided.hasNextRun();
                RunStatus st = run(guided.chooser());
                if (sameFailure(st, status, cause) && engine.preemptions() <= bestPreemptions) {
                    best = engine.schedule();
                    bestPreemptions = engine.preemptions();
                    bestPreempted = engine.preemptionSteps();
                    for (int t = first; t < Math.min(threads, first + group); t++) {
                        bystander[t] = true;
                    }
                }
            }
        }
        // pass 2: remove switches, first those that are preemptions, then the others; after a
        // simplification the sweep goes on below its switch instead of starting over, since the
        // switches above it were tried already: a run per switch, not per simplification
        boolean improved = true;
        boolean preemptionsOnly = true;
        while (improved && bestPreemptions > 0 && budget > 0 && stepsLeft(0)) {
            improved = false;
            for (int p = best.length - 1;
                    p >= 1 && bestPreemptions > 0 && budget > 0 && stepsLeft(0);
                    p = Math.min(p, best.length) - 1) {
                if (best[p] == best[p - 1]
                        || preemptionsOnly && Arrays.binarySearch(bestPreempted, p) < 0) {
                    continue;
                }
                for (int[] candidate :
                        new int[][] {
                            dropFrom(best, p), mergeNextBlock(best, p), delayBlock(best, p)
                        }) {
                    if (candidate == null || budget-- <= 0) {
                        continue;
                    }
                    Search guided = Strategies.guided(candidate);
                    guided.hasNextRun();
                    RunStatus st = run(guided.chooser());
                    if (sameFailure(st, status, cause)
                            && (engine.preemptions() < bestPreemptions
                                    || engine.preemptions() == bestPreemptions
                                            && engine.steps() < best.length)) {
                        best = engine.schedule();
                        bestPreemptions = engine.preemptions();
                        bestPreempted = engine.preemptionSteps();
                        improved = true;
                        break;
                    }
                }
            }
            if (!improved && preemptionsOnly) {
                preemptionsOnly = false;
                improved = true; // one more sweep, over every switch, within a smaller budget
                budget = Math.min(budget, EVERY_SWITCH_BUDGET);
            }
        }
        // pass 3: search below
        boolean[] focus = bestPreemptions > 1 ? focus(best, bystander) : null;
        if (focus != null && focused(focus) <= FOCUS_LIMIT) {
            Search below = Strategies.exhaustive(bestPreemptions - 1, false);
            for (int n = 0; n < SEARCH_BUDGET && stepsLeft(0) && below.hasNextRun(); n++) {
                RunStatus st = run(new FocusedChooser(below.chooser(), focus));
                below.runFinished(st, engine.preemptions(), engine.scheduleHash());
                if (below.divergence() != null) {
                    break;
                }
                if (sameFailure(st, status, cause) && engine.preemptions() < bestPreemptions) {
                    best = engine.schedule();
                    bestPreemptions = engine.preemptions();
                    break;
                }
            }
        }
        return new Result(best, bestPreemptions);
    }

    /** The threads that run in {@code schedule} and that the first pass could not move aside. */
    private static boolean[] focus(int[] schedule, boolean[] bystander) {
        int threads = 0;
        for (int t : schedule) {
            threads = Math.max(threads, t + 1);
        }
        boolean[] focus = new boolean[threads];
        for (int t : schedule) {
            focus[t] = t >= bystander.length || !bystander[t];
        }
        return focus;
    }

    private static int focused(boolean[] focus) {
        int n = 0;
        for (boolean f : focus) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private boolean sameFailure(RunStatus st, RunStatus status, Throwable cause) {
        if (st != status) {
            return false;
        }
        Throwable c = engine.failureCause();
        return cause == null ? c == null : c != null && c.getClass() == cause.getClass();
    }

    /** {@code s} without the steps of threads {@code from} to {@code to - 1}. */
    private static int[] without(int[] s, int from, int to) {
        int n = 0;
        int[] c = new int[s.length];
        for (int t : s) {
            if (t < from || t >= to) {
                c[n++] = t;
            }
        }
        return Arrays.copyOf(c, n);
    }

    /** The prefix before {@code p}, then the thread before the switch goes on. */
    private static int[] dropFrom(int[] s, int p) {
        int[] c = new int[p + 1];
        System.arraycopy(s, 0, c, 0, p);
        c[p] = s[p - 1];
        return c;
    }

    /**
     * Moves the block of steps that ends at {@code p} down to its thread's next block, or to the
     * end.
     */
    private static int[] delayBlock(int[] s, int p) {
        int a = s[p - 1];
        int q0 = p - 1;
        while (q0 > 0 && s[q0 - 1] == a) {
            q0--;
        }
        int q = p;
        while (q < s.length && s[q] != a) {
            q++;
        }
        int[] c = new int[s.length];
        System.arraycopy(s, 0, c, 0, q0);
        System.arraycopy(s, p, c, q0, q - p);
        System.arraycopy(s, q0, c, q0 + (q - p), p - q0);
        System.arraycopy(s, q, c, q, s.length - q);
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
