package io.refguard.agent.bridge;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Replaces the draws of {@code ThreadLocalRandom} and {@code Math.random()} in instrumented code.
 *
 * <p>Both are seeded from a JVM-wide sequence and the clock, so two runs of the same schedule would
 * draw different numbers, and code that samples with them (Netty's leak detector tracks one buffer
 * in 128, say) would take different steps: the explorer could not repeat a schedule. Under
 * exploration each managed thread draws from its own generator instead ({@link
 * SyncInterceptor#threadRandom}), seeded from its place in the run, so a schedule draws the same
 * numbers every time. A generator that the program seeded, or its own subclass of {@code Random},
 * is called as written; so is everything when no exploration runs.
 */
public final class RandomBridge {

    private RandomBridge() {}

    /** The generator that answers a draw from {@code r} on the calling thread. */
    private static RandomGenerator of(RandomGenerator r, int site) {
        if (r instanceof ThreadLocalRandom) {
            SyncInterceptor i = SyncBridge.installed();
            RandomGenerator own = i == null ? null : i.threadRandom(site);
            if (own != null) {
                return own;
            }
        }
        return r;
    }

    public static int nextInt(RandomGenerator r, int site) {
        return of(r, site).nextInt();
    }

    public static int nextInt(RandomGenerator r, int bound, int site) {
        return of(r, site).nextInt(bound);
    }

    public static int nextInt(RandomGenerator r, int origin, int bound, int site) {
        return of(r, site).nextInt(origin, bound);
    }

    public static long nextLong(RandomGenerator r, int site) {
        return of(r, site).nextLong();
    }

    public static long nextLong(RandomGenerator r, long bound, int site) {
        return of(r, site).nextLong(bound);
    }

    public static long nextLong(RandomGenerator r, long origin, long bound, int site) {
        return of(r, site).nextLong(origin, bound);
    }

    public static double nextDouble(RandomGenerator r, int site) {
        return of(r, site).nextDouble();
    }

    public static double nextDouble(RandomGenerator r, double bound, int site) {
        return of(r, site).nextDouble(bound);
    }

    public static double nextDouble(RandomGenerator r, double origin, double bound, int site) {
        return of(r, site).nextDouble(origin, bound);
    }

    public static float nextFloat(RandomGenerator r, int site) {
        return of(r, site).nextFloat();
    }

    public static boolean nextBoolean(RandomGenerator r, int site) {
        return of(r, site).nextBoolean();
    }

    public static double nextGaussian(RandomGenerator r, int site) {
        return of(r, site).nextGaussian();
    }

    public static void nextBytes(RandomGenerator r, byte[] bytes, int site) {
        of(r, site).nextBytes(bytes);
    }

    /** Replaces {@code Math.random()} (and {@code StrictMath.random()}). */
    public static double mathRandom(int site) {
        SyncInterceptor i = SyncBridge.installed();
        RandomGenerator own = i == null ? null : i.threadRandom(site);
        return own != null ? own.nextDouble() : Math.random();
    }
}
