package io.refguard.agent.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Replaces the sources of randomness that instrumented code cannot repeat: the draws of {@code
 * ThreadLocalRandom}, {@code SecureRandom} and {@code Math.random()}, the seed of {@code new
 * Random()}, {@code UUID.randomUUID()}, and the operating system's entropy files ({@code
 * /dev/urandom}, {@code /dev/random}) opened with {@code Files.newInputStream}.
 *
 * <p>Each is seeded from a JVM-wide sequence, the clock or the operating system, so two runs of the
 * same schedule would draw different numbers, and code that samples with them (Netty's leak
 * detector tracks one buffer in 128, say) or seeds its ids with them (Lucene's {@code StringHelper}
 * reads {@code /dev/urandom} in its static initializer, which runs again in every run) would take
 * different steps: the explorer could not repeat a schedule. Under exploration each managed thread
 * draws from its own generator instead ({@link SyncInterceptor#threadRandom}), seeded from its
 * place in the run, so a schedule draws the same numbers every time. A generator that the program
 * seeded, or its own subclass of {@code Random}, is called as written; so is everything when no
 * exploration runs.
 */
public final class RandomBridge {

    private RandomBridge() {}

    /** The generator that answers a draw from {@code r} on the calling thread. */
    private static RandomGenerator of(RandomGenerator r, int site) {
        if (r instanceof ThreadLocalRandom || r instanceof SecureRandom) {
            RandomGenerator own = own(site);
            if (own != null) {
                return own;
            }
        }
        return r;
    }

    /** The calling thread's generator under exploration, or null. */
    private static RandomGenerator own(int site) {
        SyncInterceptor i = SyncBridge.installed();
        return i == null ? null : i.threadRandom(site);
    }

    /**
     * The seed that replaces an unseeded {@code new Random()}: drawn from the thread's generator
     * under exploration, and otherwise as unpredictable as the JDK's own choice.
     */
    public static long seed(int site) {
        RandomGenerator own = own(site);
        return own != null ? own.nextLong() : ThreadLocalRandom.current().nextLong();
    }

    /** Replaces {@code UUID.randomUUID()}: a version 4 UUID from the thread's generator. */
    public static UUID randomUUID(int site) {
        RandomGenerator own = own(site);
        if (own == null) {
            return UUID.randomUUID();
        }
        long high = own.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = own.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // RFC 4122
        return new UUID(high, low);
    }

    /**
     * Replaces {@code Files.newInputStream}: under exploration, the entropy files {@code
     * /dev/urandom} and {@code /dev/random} read from the thread's generator; every other file
     * opens as written.
     */
    public static InputStream newInputStream(Path path, OpenOption[] options, int site)
            throws IOException {
        RandomGenerator own = own(site);
        if (own != null && isEntropyFile(path)) {
            return new EntropyStream(own);
        }
        return Files.newInputStream(path, options);
    }

    static boolean isEntropyFile(Path path) {
        String p = path.toString();
        return p.equals("/dev/urandom") || p.equals("/dev/random");
    }

    /** An endless stream of bytes drawn from a generator, as an entropy file reads. */
    private static final class EntropyStream extends InputStream {
        private final RandomGenerator source;

        EntropyStream(RandomGenerator source) {
            this.source = source;
        }

        @Override
        public int read() {
            return source.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) source.nextInt(256);
            }
            return len;
        }
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
        RandomGenerator own = own(site);
        return own != null ? own.nextDouble() : Math.random();
    }
}
