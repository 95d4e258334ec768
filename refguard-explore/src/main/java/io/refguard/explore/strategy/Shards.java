package io.refguard.explore.strategy;

/**
 * How one systematic search is split among N shards, each run by its own process, so that the union
 * of the shards' searches is the whole search.
 *
 * <h2>Splitting a stateless depth-first search by subtree</h2>
 *
 * Every run of {@link ExhaustiveStrategy} follows, at each frame, either the search's first choice
 * there (the current thread goes on, or the first thread able to run) or an alternative taken when
 * the search backtracked: a <em>deviation</em>. Runs form a tree: a run's children are the runs
 * made by backtracking to a frame below its last deviation. The <em>key</em> of a run is its first
 * deviation, the pair (frame, thread); a run without a deviation, the first one of each
 * preemption-bound level, has none and is a <em>routing</em> run.
 *
 * <ul>
 *   <li>Every shard runs the routing runs: one per level.
 *   <li>When the search backtracks to a frame that would make the run's first deviation, the shard
 *       owning that key ({@link #owner}: a hash of frame and thread, modulo N) takes it; every
 *       other shard marks the alternative tried without running it, which leaves out the whole
 *       subtree, since every run below shares the key.
 *   <li>Deeper alternatives share the key of the run the shard is on, which it owns, so it takes
 *       them all.
 * </ul>
 *
 * A shard's frames, tried sets and sleep sets are therefore those the unsharded search has at the
 * same runs (skipping marks an alternative tried exactly as running it would), so every run of the
 * unsharded search is run by one shard (by all, for the routing runs), and each shard exhausts its
 * part iff the unsharded search would exhaust. A shard that skips a subtree does not see the bound
 * cut schedules in it, but its own subtrees tell it when it needs the next bound level (the
 * schedule one preemption short of a cut one shares its key or is the routing run).
 *
 * <p>The same idea as splitting the top of the tree among workers in parallel stateless model
 * checking (Simsa, Bryant, Gibson and Hickey, "Scalable dynamic partial order reduction", RV 2012),
 * made static: the split is a function of the tree alone, so shards need no communication and each
 * is reproducible on its own.
 */
final class Shards {

    private Shards() {}

    static void check(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "shard must be i/N with i from 1 to N, was " + index + "/" + count);
        }
    }

    /**
     * The shard (from 1 to {@code count}) owning runs whose first deviation is {@code thread} at
     * {@code frame}.
     */
    static int owner(int frame, int thread, int count) {
        long h = SplitMix.mix(((long) frame << 20) ^ thread, 0x5A4DL);
        return (int) Long.remainderUnsigned(h, count) + 1;
    }

    /** The suffix of a strategy's description: {@code , shard 2/4}; empty for one shard. */
    static String describe(int index, int count) {
        return count == 1 ? "" : ", shard " + index + "/" + count;
    }
}
