package io.refguard.bench;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.models.PointsModel;
import io.refguard.explore.sync.SharedInt;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The explorer's throughput in two builds side by side, for a change to the search path on a loaded
 * machine: each build's {@code refguard-explore} and {@code refguard-core} classes get a class
 * loader of their own in one JVM, and the two run whole explorations alternately in timed batches
 * of 100 ms, as {@link Interleaved} does for the checker; the best batch of each keeps the batches
 * that the background load left alone. Two workloads, both exhaustive within preemption bound 2:
 * {@code points}, {@link PointsModel}'s two actors of ten reads (no dependent steps), and {@code
 * writes}, the same shape with increments (every step depends on the other thread's).
 *
 * <p>Usage: {@code java -cp refguard-bench/target/classes io.refguard.bench.ExplorerRevisions
 * BASE_CLASSES CHANGED_CLASSES points|writes [batches, default 160]}, each class path naming the
 * build's {@code refguard-explore/target/classes} and {@code refguard-core/target/classes}.
 */
public final class ExplorerRevisions {

    private ExplorerRevisions() {}

    /** Runs explored in about {@code nanos}; called reflectively inside each build's loader. */
    public static long batch(long nanos, boolean writes) {
        long start = System.nanoTime();
        long runs = 0;
        while (System.nanoTime() - start < nanos) {
            runs += writes ? writes().runs() : PointsModel.exhaustive(2, 10, 2).runs();
        }
        return runs;
    }

    private static io.refguard.explore.ExploreResult writes() {
        Scenario<SharedInt> s = Explorer.scenario("writes 2x10").setup(() -> new SharedInt("x", 0));
        for (int t = 1; t <= 2; t++) {
            s.actor(
                    "T" + t,
                    x -> {
                        for (int i = 0; i < 10; i++) {
                            x.incrementAndGet();
                        }
                    });
        }
        return s.explore(ExploreOptions.exhaustive().preemptionBound(2));
    }

    /** This class, loaded in a loader that sees {@code classPath} first. */
    private static Method batchIn(String classPath) throws Exception {
        String[] parts = classPath.split(File.pathSeparator);
        URL[] urls = new URL[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            urls[i] = Path.of(parts[i]).toUri().toURL();
        }
        urls[parts.length] =
                ExplorerRevisions.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        return loader.loadClass(ExplorerRevisions.class.getName())
                .getMethod("batch", long.class, boolean.class);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[2].equals("points") || args[2].equals("writes"))) {
            System.err.println(
                    "usage: ExplorerRevisions BASE_CLASSES CHANGED_CLASSES points|writes [batches]");
            System.exit(2);
        }
        Method base = batchIn(args[0]);
        Method changed = batchIn(args[1]);
        boolean writes = args[2].equals("writes");
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 160;
        long nanos = 100_000_000L;
        double[] b = new double[batches];
        double[] c = new double[batches];
        for (int i = 0; i < batches; i++) {
            b[i] = rate(base, nanos, writes);
            c[i] = rate(changed, nanos, writes);
        }
        int warm = batches / 4; // the JIT's warm-up
        b = Arrays.copyOfRange(b, warm, batches);
        c = Arrays.copyOfRange(c, warm, batches);
        Arrays.sort(b);
        Arrays.sort(c);
        double bestB = b[b.length - 1];
        double bestC = c[c.length - 1];
        double medB = b[b.length / 2];
        double medC = c[c.length / 2];
        System.out.printf(
                Locale.ROOT,
                "%s: best batch base %.0f, changed %.0f runs/s (changed/base %.3f); median base"
                        + " %.0f, changed %.0f (%.3f); %d batches of 100 ms each, the first %d"
                        + " dropped%n",
                args[2],
                bestB,
                bestC,
                bestC / bestB,
                medB,
                medC,
                medC / medB,
                batches,
                warm);
    }

    private static double rate(Method batch, long nanos, boolean writes) throws Exception {
        long start = System.nanoTime();
        long runs = (long) batch.invoke(null, nanos, writes);
        return runs / ((System.nanoTime() - start) / 1e9);
    }
}
