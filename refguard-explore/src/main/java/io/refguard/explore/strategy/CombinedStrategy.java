package io.refguard.explore.strategy;

import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;

/**
 * The default search: one budget shared, run by run, between the exhaustive search within a
 * preemption bound and randomized searches that each find bugs the others find late.
 *
 * <p>Why a mix: measured on the project's bug corpus (docs/BENCHMARKS.md), no single strategy finds
 * every bug. The bounded exhaustive search finds small bugs with the fewest preemptions and can
 * prove a bound clean, but among many threads it spends its budget on the orders in which threads
 * finish; PCT finds bugs of small depth in long runs; POS samples partial orders evenly; SURW finds
 * one step among many threads; a random walk catches what needs many preemptions. Interleaving them
 * costs each at most a constant factor of its runs to bug, and the mix finds whatever any of them
 * finds.
 *
 * <p>The rotation gives the exhaustive search 3 runs in 10. When it has covered its bound, the
 * randomized searches go on until they have had {@link #RANDOM_AFTER_EXHAUSTED} runs in all, and
 * the search ends as exhausted: "verified within bound N". When the bound cut no schedule off, the
 * exhaustive part ran every schedule there is, every one a randomized search could draw: the search
 * ends at once. A failure found at random is then simplified by the explorer toward the fewest
 * preemptions, as for any randomized strategy.
 */
final class CombinedStrategy implements Search {

    /** Randomized runs the search makes at least before it ends after the exhaustive part did. */
    static final long RANDOM_AFTER_EXHAUSTED = 1_000;

    private static final int SYSTEMATIC = -1;

    /** Which search gets each run: -1 the exhaustive one, else an index into {@link #random}. */
    private static final int[] ROTATION = {SYSTEMATIC, 0, 1, SYSTEMATIC, 2, 3, SYSTEMATIC, 4, 5, 6};

    private final int bound;
    private final String shard;
    private final Search systematic;
    private final Search[] random;
    private int turn;
    private boolean systematicDone;
    private long randomRuns;
    private Search current;
    private Search foundBy;

    /**
     * The default search, or shard {@code shardIndex} of {@code shardCount} of it: its part of the
     * exhaustive search, and randomized searches seeded with the shard's {@code seed}.
     */
    CombinedStrategy(int preemptionBound, long seed, int shardIndex, int shardCount) {
        this.bound = preemptionBound;
        this.shard = Shards.describe(shardIndex, shardCount);
        this.systematic = new ExhaustiveStrategy(preemptionBound, false, shardIndex, shardCount);
        this.random =
                new Search[] {
                    new PosStrategy(SplitMix.mix(seed, 1)),
                    new PctStrategy(SplitMix.mix(seed, 2), 1, false),
                    new PctStrategy(SplitMix.mix(seed, 3), 2, false),
                    new SurwStrategy(SplitMix.mix(seed, 4)),
                    new PctStrategy(SplitMix.mix(seed, 5), 3, false),
                    new PctStrategy(SplitMix.mix(seed, 6), 3, true),
                    new RandomWalkStrategy(SplitMix.mix(seed, 7)),
                };
    }

    @Override
    public boolean hasNextRun() {
        if (systematic.divergence() != null) {
            return false;
        }
        while (true) {
            int who = ROTATION[turn];
            turn = (turn + 1) % ROTATION.length;
            if (who == SYSTEMATIC) {
                if (systematicDone) {
                    continue;
                }
                if (systematic.hasNextRun()) {
                    current = systematic;
                    return true;
                }
                systematicDone = true;
                if (systematic.divergence() != null) {
                    return false;
                }
                continue;
            }
            if (systematicDone
                    && (randomRuns >= RANDOM_AFTER_EXHAUSTED || !systematic.boundLimited())) {
                return false;
            }
            current = random[who];
            randomRuns++;
            return current.hasNextRun();
        }
    }

    @Override
    public Chooser chooser() {
        return current.chooser();
    }

    @Override
    public void runFinished(RunStatus status, int preemptions, long scheduleHash) {
        current.runFinished(status, preemptions, scheduleHash);
        if (status.isFailure()) {
            foundBy = current;
        }
    }

    @Override
    public String divergence() {
        return systematic.divergence();
    }

    @Override
    public long distinctSchedules() {
        long n = systematic.distinctSchedules();
        for (Search s : random) {
            n += s.distinctSchedules();
        }
        return n;
    }

    @Override
    public boolean exhausted() {
        return systematicDone && systematic.exhausted();
    }

    @Override
    public boolean boundLimited() {
        return systematic.boundLimited();
    }

    @Override
    public boolean randomized() {
        return current != null && current.randomized();
    }

    @Override
    public String describe() {
        if (foundBy != null) {
            return "default search ("
                    + foundBy.describe()
                    + ")"
                    + (foundBy == systematic ? "" : shard);
        }
        return "default search: exhaustive, preemption bound "
                + (bound == Integer.MAX_VALUE ? "none" : bound)
                + ", interleaved with POS, PCT depths 1-3, PCT over racing steps, SURW and random walk"
                + shard;
    }
}
