package io.refguard.explore.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * Finds the first step at which a run does not repeat an earlier run of the same schedule, for
 * every strategy. Two runs that made the same choices so far are the same schedule, so in a
 * deterministic scenario they offer the same threads able to run at every step, the chosen thread
 * performs the same operation, and they end at the same step.
 *
 * <p>Two comparisons, both allocation-free on the search path:
 *
 * <ul>
 *   <li>with the previous run, step by step, while this run has made the same choices. The
 *       exhaustive search replays the previous run's path up to its next branch, so nearly every
 *       step of it is compared;
 *   <li>with any earlier run of the same prefix that {@link StepHistory} still remembers, which is
 *       what random strategies need: they seldom repeat the previous run's prefix.
 * </ul>
 *
 * <p>The rule, which the searches that replay a recorded path follow as well ({@code
 * strategy.WarmUp}): the first run is a warm-up and is never compared with. Code that initializes
 * itself lazily (static caches, loggers, class initializers of classes reused across runs, a
 * library's singletons) takes extra steps in it alone. Every later run must repeat every earlier
 * run, not the first, with the same choices. A run pruned by its chooser or given up as stuck ends
 * where no schedule decides, so its length is not compared. A difference makes the exploration
 * inconclusive ({@code FailureKind.NOT_DETERMINISTIC}): the search cannot tell schedules apart.
 *
 * <p>Touched only by the baton holder (steps) and the driver (start and end of a run).
 */
final class DeterminismCheck {

    private final Execution x;

    private int[] choices = new int[256];
    private String[] labels = new String[256];
    private long[] enabled = new long[256];
    private int[] prevChoices = new int[256];
    private String[] prevLabels = new String[256];
    private long[] prevEnabled = new long[256];
    private int prevSteps;
    private boolean prevEndedNaturally;

    /** Whether every choice of this run so far equals the previous run's at the same step. */
    private boolean samePrefix;

    /** Earlier runs' steps by prefix, from the second run on. */
    private StepHistory history;

    /** The hash of this run's choices so far, for {@link #history}. */
    private long prefix;

    /** The first difference found in this run, or null. */
    private String divergence;

    DeterminismCheck(Execution x) {
        this.x = x;
    }

    /**
     * Starts run number {@code run} (from 1); {@code lastStatus} and {@code lastSteps} describe the
     * run before it (null status: none).
     */
    void startRun(long run, RunStatus lastStatus, int lastSteps) {
        int[] c = prevChoices;
        String[] l = prevLabels;
        long[] e = prevEnabled;
        prevChoices = choices;
        prevLabels = labels;
        prevEnabled = enabled;
        choices = c;
        labels = l;
        enabled = e;
        prevSteps = lastStatus == null ? 0 : lastSteps;
        prevEndedNaturally = natural(lastStatus);
        samePrefix = run > 2; // the first run is a warm-up
        if (run > 1 && history == null) {
            history = new StepHistory();
        }
        prefix = StepHistory.START;
        divergence = null;
    }

    private static boolean natural(RunStatus status) {
        return status != null && status != RunStatus.PRUNED && status != RunStatus.STUCK;
    }

    /**
     * The enabled set of a pinned decision ({@link ChoicePoint#pinned()}), which is compared with
     * nothing: the same decision offers every thread in a run where no JVM lock pins the thread.
     */
    static final long PINNED = 0;

    /**
     * Step {@code s}: with {@code en} able to run ({@link #PINNED} for a pinned decision), thread
     * {@code c} ({@code next}) was chosen.
     */
    void step(int s, int c, long en, Actor next) {
        if (s == choices.length) {
            choices = Arrays.copyOf(choices, s * 2);
            labels = Arrays.copyOf(labels, s * 2);
            enabled = Arrays.copyOf(enabled, s * 2);
        }
        choices[s] = c;
        labels[s] = next.pendingLabel;
        enabled[s] = en;
        if (samePrefix) {
            compareWithPreviousRun(s, c, en, next);
        }
        if (history != null) {
            compareWithEarlierRuns(s, c, en, next);
        }
    }

    private void compareWithPreviousRun(int s, int c, long en, Actor next) {
        if (s < prevSteps) {
            if (prevEnabled[s] != en && prevEnabled[s] != PINNED && en != PINNED) {
                diverged(otherThreads(s, prevEnabled[s], en, prevChoices[s], prevLabels[s]));
                return;
            }
            if (prevChoices[s] != c) {
                samePrefix = false; // a new schedule from here on: nothing to compare
                return;
            }
            if (!same(prevLabels[s], next.pendingLabel)) {
                diverged(otherOperation(s, next, prevLabels[s]));
            }
        } else if (s == prevSteps && prevEndedNaturally) {
            diverged(stepAfterEnd(s, next));
        } else {
            samePrefix = false;
        }
    }

    private void compareWithEarlierRuns(int s, int c, long en, Actor next) {
        long before = history.enabledAfter(prefix, en);
        if (before == ~en) {
            diverged(stepAfterEnd(s, next));
        } else if (before != en) {
            diverged(otherThreads(s, before, en, -1, null));
        }
        prefix = StepHistory.extend(prefix, c);
        String op = history.labelOf(prefix, next.pendingLabel);
        if (op != null) {
            diverged(otherOperation(s, next, op));
        }
    }

    /** Called when run ended after {@code steps} steps with {@code status}. */
    void runEnded(int steps, RunStatus status) {
        if (!natural(status)) {
            return;
        }
        if (samePrefix && prevEndedNaturally && steps < prevSteps) {
            diverged(
                    "the run ended after "
                            + steps
                            + " steps where an earlier run of the same"
                            + " schedule went on with "
                            + x.slots[prevChoices[steps]].name
                            + " performing '"
                            + prevLabels[steps]
                            + "'");
        }
        if (history != null) {
            long wentOn = history.endedAfter(prefix);
            if (wentOn != 0) {
                diverged(
                        "the run ended after "
                                + steps
                                + " steps where in an earlier run of the"
                                + " same schedule "
                                + names(wentOn, false)
                                + " could go on");
            }
        }
    }

    /**
     * Where the last run first differed from an earlier run of the same schedule, such as {@code
     * "at step 4 T1 performed 'x.get' where an earlier run of the same schedule performed
     * 'start'"}; null when it did not.
     */
    String divergence() {
        return divergence;
    }

    private static boolean same(String a, String b) {
        return a == b || Objects.equals(a, b);
    }

    /**
     * The threads able to run at step {@code s} differ; {@code chosen} performed {@code label}
     * there in the earlier run, when known ({@code chosen >= 0}).
     */
    private String otherThreads(int s, long before, long now, int chosen, String label) {
        return "at step "
                + (s + 1)
                + " the threads able to run were "
                + names(before, false)
                + " in an earlier run of the same schedule"
                + (chosen >= 0 && chosen < x.slotCount
                        ? ", where " + x.slots[chosen].name + " performed '" + label + "',"
                        : ",")
                + " and are "
                + names(now, true)
                + " now";
    }

    private static String otherOperation(int s, Actor next, String before) {
        return "at step "
                + (s + 1)
                + " "
                + next.name
                + " performed '"
                + next.pendingLabel
                + "' where an earlier run of the same schedule performed '"
                + before
                + "'";
    }

    private static String stepAfterEnd(int s, Actor next) {
        return "at step "
                + (s + 1)
                + " "
                + next.name
                + " performed '"
                + next.pendingLabel
                + "' where an earlier run of the same schedule had ended after "
                + s
                + " steps";
    }

    /**
     * {@code {T1 at 'x.get', T2 at 'start'}}: the threads in {@code mask}, with their next
     * operations.
     */
    private String names(long mask, boolean withOperations) {
        StringBuilder sb = new StringBuilder("{");
        for (long m = mask; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            if (sb.length() > 1) {
                sb.append(", ");
            }
            if (i < x.slotCount) {
                sb.append(x.slots[i].name);
                if (withOperations) {
                    sb.append(" at '").append(x.slots[i].pendingLabel).append('\'');
                }
            } else {
                sb.append('#').append(i);
            }
        }
        return sb.append('}').toString();
    }

    private void diverged(String where) {
        samePrefix = false;
        if (divergence == null) {
            divergence = where;
        }
    }
}
