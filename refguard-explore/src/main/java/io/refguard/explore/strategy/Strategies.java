package io.refguard.explore.strategy;

/** Creates the search strategies; their implementations are private to this package. */
public final class Strategies {

    private Strategies() {}

    /**
     * Exhaustive depth-first search with iterative preemption bounding.
     *
     * @param preemptionBound the largest preemption count explored; {@link Integer#MAX_VALUE} for
     *     no bound
     * @param sleepSets whether to prune schedules that only reorder independent steps
     */
    public static Search exhaustive(int preemptionBound, boolean sleepSets) {
        if (preemptionBound < 0) {
            throw new IllegalArgumentException(
                    "preemption bound must be >= 0, was " + preemptionBound);
        }
        return new ExhaustiveStrategy(preemptionBound, sleepSets);
    }

    /**
     * The part of {@link #exhaustive(int, boolean)} that shard {@code shardIndex} of {@code
     * shardCount} owns (see {@link Shards}): the union of the shards' searches is the whole search.
     */
    public static Search exhaustive(
            int preemptionBound, boolean sleepSets, int shardIndex, int shardCount) {
        Shards.check(shardIndex, shardCount);
        exhaustive(preemptionBound, sleepSets);
        return new ExhaustiveStrategy(preemptionBound, sleepSets, shardIndex, shardCount);
    }

    /**
     * The seed a randomized search of shard {@code shardIndex} of {@code shardCount} draws from:
     * {@code seed} itself when there is one shard, else a stream derived from the seed and the
     * index.
     */
    public static long shardSeed(long seed, int shardIndex, int shardCount) {
        Shards.check(shardIndex, shardCount);
        return shardCount == 1 ? seed : SplitMix.shard(seed, shardIndex);
    }

    /**
     * {@code strategy}, described with the shard it belongs to (for randomized searches, whose runs
     * a shard draws from its own seed stream, see {@link #shardSeed}).
     */
    public static Search labelled(Search strategy, int shardIndex, int shardCount) {
        Shards.check(shardIndex, shardCount);
        return shardCount == 1 ? strategy : new ShardLabel(strategy, shardIndex, shardCount);
    }

    /**
     * Dynamic partial-order reduction with sleep sets, without a preemption bound: runs at least
     * one schedule of every class of schedules that differ only in the order of independent steps.
     */
    public static Search dpor() {
        return new DporStrategy(Integer.MAX_VALUE);
    }

    /**
     * Bounded partial-order reduction: dynamic partial-order reduction within a preemption bound,
     * without sleep sets; runs at least one schedule of every class that has a schedule with at
     * most {@code preemptionBound} preemptions.
     */
    public static Search dpor(int preemptionBound) {
        if (preemptionBound < 0) {
            throw new IllegalArgumentException(
                    "preemption bound must be >= 0, was " + preemptionBound);
        }
        return new DporStrategy(preemptionBound);
    }

    /** Uniform random walk; run {@code r} is reproducible from {@code seed} and {@code r}. */
    public static Search randomWalk(long seed) {
        return new RandomWalkStrategy(seed);
    }

    /** PCT with the given bug depth (at least 1). */
    public static Search pct(long seed, int depth) {
        return new PctStrategy(seed, depth, false);
    }

    /**
     * PCT whose change points fall only on racing steps (partial-order aware), depth at least 1.
     */
    public static Search pctRaces(long seed, int depth) {
        return new PctStrategy(seed, depth, true);
    }

    /** Selectively uniform random walk (SURW). */
    public static Search surw(long seed) {
        return new SurwStrategy(seed);
    }

    /**
     * The default search: the exhaustive search within {@code preemptionBound} interleaved, run by
     * run, with POS, PCT at depths 1 to 3, PCT over racing steps, SURW and a random walk.
     */
    public static Search combined(int preemptionBound, long seed) {
        if (preemptionBound < 0) {
            throw new IllegalArgumentException(
                    "preemption bound must be >= 0, was " + preemptionBound);
        }
        return new CombinedStrategy(preemptionBound, seed, 1, 1);
    }

    /**
     * Shard {@code shardIndex} of {@code shardCount} of {@link #combined(int, long)}: its part of
     * the exhaustive search, and randomized searches seeded from {@link #shardSeed}.
     */
    public static Search combined(int preemptionBound, long seed, int shardIndex, int shardCount) {
        combined(preemptionBound, seed);
        return new CombinedStrategy(
                preemptionBound, shardSeed(seed, shardIndex, shardCount), shardIndex, shardCount);
    }

    /** Partial Order Sampling. */
    public static Search pos(long seed) {
        return new PosStrategy(seed);
    }

    /** Runs exactly {@code schedule} once, recording where the run departs from it. */
    public static Search replay(int[] schedule) {
        return new ReplayStrategy(schedule, true);
    }

    /** Runs {@code schedule} once, skipping entries whose thread cannot run. */
    public static Search guided(int[] schedule) {
        return new ReplayStrategy(schedule, false);
    }
}
