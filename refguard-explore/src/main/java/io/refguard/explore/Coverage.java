package io.refguard.explore;

import java.util.Locale;

/**
 * How much of a program's orders of dependent steps an exploration saw, and an estimate of how much
 * it left: what a "no failure" is worth when the search was cut by a budget. Immutable.
 *
 * <p>An order is two steps of different threads that depend on each other (the same object, at
 * least one of them writing; see {@link io.refguard.explore.strategy.Dependence}), named by the
 * thread and the operation's label of the first and of the second step. Each step is paired with
 * the latest earlier step of every other thread it depends on, among the run's last 32 steps. A
 * schedule that puts a dependent pair the other way round shows a new order. {@link #unseen()} is
 * the Good-Turing estimate of what a further run adds: {@code f1 / N}, the orders seen in exactly
 * one run over the runs (I. J. Good, "The population frequencies of species and the estimation of
 * population parameters", Biometrika 1953; as a measure of testing progress: M. Böhme, "STADS:
 * Software Testing as Species Discovery", TOSEM 2018). A run shows many orders at once, so the
 * ratio is the expected number of new orders in a further run; it also bounds the chance that the
 * run shows any, so a value below 1 reads as that chance at most. It assumes runs drawn
 * independently from the same search, which holds for the randomized strategies; for a systematic
 * search it is only a rough guide.
 *
 * @param orders distinct orders of dependent steps seen in all runs
 * @param seenOnce among them, orders seen in exactly one run ({@code f1})
 * @param runs runs the orders were counted in ({@code N})
 * @param capped true when the memory bound stopped counting new orders: the counts are then lower
 *     bounds and the estimate is not reliable
 */
public record Coverage(long orders, long seenOnce, long runs, boolean capped) {

    /**
     * The Good-Turing estimate of how many orders of dependent steps that no run showed one more
     * run shows: {@code seenOnce / runs} (0 before any run). Below 1 it is also at most the chance
     * that the run shows any.
     */
    public double unseen() {
        return runs == 0 ? 0 : (double) seenOnce / runs;
    }

    /** The estimate for people: {@code 0}, {@code under 0.001}, {@code 0.013}, {@code 2.0}. */
    static String number(double x) {
        if (x == 0) {
            return "0";
        }
        if (x < 0.001) {
            return "under 0.001";
        }
        return String.format(Locale.ROOT, x < 1 ? "%.3f" : "%.1f", x);
    }

    /** A chance for people: {@code 1.3%}, {@code under 0.1%}. */
    static String percent(double p) {
        return p < 0.001 ? "under 0.1%" : String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    /** What a search cut by a budget saw and what a further run is expected to add. */
    private String budgetCut(String seen) {
        double x = unseen();
        if (seenOnce == 0) {
            return seen
                    + " in "
                    + runs
                    + (runs == 1 ? " run" : " runs")
                    + ", each in more than one run: a further run is not expected to show a new"
                    + " one (Good-Turing)";
        }
        return seen
                + ", "
                + seenOnce
                + " of them in only one of "
                + runs
                + (runs == 1 ? " run" : " runs")
                + ": a further run is expected to show "
                + number(x)
                + (x >= 1
                        ? " new orders: the search is still finding new ones"
                        : " new orders, so the chance that it shows one is at most " + percent(x))
                + " (Good-Turing)";
    }

    /**
     * The coverage as a clause of a verdict: for a search that ran its whole space within the bound
     * ({@code EXHAUSTED}) the estimate is only informational; for a replay it is left out.
     */
    String sentence(ExploreResult.Stop stop) {
        if (orders == 0 && !capped) {
            return "coverage: no dependent steps of different threads (the same object, at least"
                    + " one writing) were seen, so there was no order of them to cover";
        }
        String seen =
                (capped ? "at least " : "")
                        + orders
                        + (orders == 1 ? " order" : " orders")
                        + " of dependent steps seen";
        return switch (stop) {
            case REPLAYED -> "coverage: " + seen + " in the one run";
            case EXHAUSTED ->
                    "coverage: exhaustive within the bound; "
                            + seen
                            + " (the Good-Turing estimate of new orders in a further run, "
                            + number(unseen())
                            + ", is only informational here)";
            case MAX_RUNS, MAX_TIME ->
                    capped
                            ? "coverage: "
                                    + seen
                                    + " in "
                                    + runs
                                    + (runs == 1 ? " run" : " runs")
                                    + ", when the count reached its memory bound and stopped, so"
                                    + " no estimate of unseen orders can be given: the search may"
                                    + " still be finding new ones"
                            : "coverage: " + budgetCut(seen);
        };
    }
}
