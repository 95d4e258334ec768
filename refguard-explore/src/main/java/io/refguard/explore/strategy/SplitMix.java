package io.refguard.explore.strategy;

/**
 * SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014): a tiny allocation-free generator. Run {@code r} of an exploration with seed {@code s}
 * draws from {@code new SplitMix(mix(s, r))}, so every run is reproducible from the exploration's
 * seed and its index alone.
 */
final class SplitMix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    void reseed(long seed) {
        state = seed;
    }

    long nextLong() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Uniform in [0, bound), bound > 0 (Lemire's multiply-shift, bias negligible for small bounds).
     */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** The seed of run {@code run} of an exploration seeded with {@code seed}. */
    static long mix(long seed, long run) {
        SplitMix m = new SplitMix();
        m.reseed(seed ^ (run * GOLDEN));
        return m.nextLong();
    }

    /**
     * The seed of shard {@code index} of an exploration seeded with {@code seed}: a stream of its
     * own, the same for that index whatever the number of shards, so shards draw independent runs
     * and each is reproducible from the seed and its index.
     */
    static long shard(long seed, int index) {
        return mix(seed ^ 0x5A4D_0000_0000_0000L, index);
    }
}
