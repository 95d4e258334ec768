package io.refguard.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.refguard.CheckMode;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.hook.CallSites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ratios that survive a loaded machine: each goal's two sides run in one JVM, alternating in short
 * timed batches (about 200 µs; 20 ms for SAMPLED, so that every batch holds many sampled objects),
 * many times, and each side's batches are summarized by their minimum and median time per
 * operation. Background load lengthens some batches of both sides alike; the minimum keeps the
 * batches it left alone. JMH (run.sh) stays the reference on a quiet machine; this is the
 * cross-check when the machine is shared.
 *
 * <p>Usage: {@code java -Drefguard.callSites=true -cp benchmarks.jar io.refguard.bench.Interleaved
 * [seconds per pair, default 20] [only the goals whose name contains this]}; without {@code
 * -Drefguard.callSites=true} the pair with sites supplied by the agent is left out.
 */
public final class Interleaved {

    /**
     * A timed batch: runs the operation {@code n} times in its own loop and returns a value to
     * keep.
     */
    interface Batch {
        long run(int n);
    }

    /** One goal: a baseline and refguard's side, with what to set before each side's batch. */
    private static final class Pair {
        final String name;
        final String baselineName;
        final Batch baseline;
        final Runnable beforeBaseline;
        final String refguardName;
        final Batch refguard;
        final Runnable beforeRefguard;

        /**
         * How long one batch should take: long enough that a sampled side tracks many objects in
         * each.
         */
        long batchNanos = 200_000;

        Pair(
                String name,
                String baselineName,
                Runnable beforeBaseline,
                Batch baseline,
                String refguardName,
                Runnable beforeRefguard,
                Batch refguard) {
            this.name = name;
            this.baselineName = baselineName;
            this.baseline = baseline;
            this.beforeBaseline = beforeBaseline;
            this.refguardName = refguardName;
            this.refguard = refguard;
            this.beforeRefguard = beforeRefguard;
        }
    }

    private static long sink;

    private Interleaved() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String only = args.length > 1 ? args[1] : "";
        List<Pair> pairs = new ArrayList<>(pairs());
        pairs.removeIf(p -> !p.name.contains(only));
        System.out.println(
                "| goal | baseline: min / median ns/op | refguard: min / median ns/op | ratio of minimums | ratio of medians |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Pair p : pairs) {
            double[][] r = measure(p, seconds);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s: %.1f / %.1f | %s: %.1f / %.1f | %.2f | %.2f |%n",
                    p.name,
                    p.baselineName,
                    min(r[0]),
                    median(r[0]),
                    p.refguardName,
                    min(r[1]),
                    median(r[1]),
                    min(r[1]) / min(r[0]),
                    median(r[1]) / median(r[0]));
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        AcquireReleaseBench.NettyCounted netty = new AcquireReleaseBench.NettyCounted();
        RefGuard.setMode(CheckMode.OFF);
        AcquireReleaseBench.GuardCounted guard = new AcquireReleaseBench.GuardCounted();
        pairs.add(
                new Pair(
                        "acquire+release, checking OFF, vs Netty",
                        "netty retain+release",
                        () -> {},
                        n -> {
                            for (int i = 0; i < n; i++) {
                                netty.retain();
                                netty.release();
                            }
                            return n;
                        },
                        "refguard acquire+close",
                        () -> {},
                        n -> {
                            for (int i = 0; i < n; i++) {
                                guard.acquire().close();
                            }
                            return n;
                        }));

        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ByteBuf paranoid = PooledByteBufAllocator.DEFAULT.heapBuffer(64);
        if (!paranoid.getClass().getSimpleName().contains("LeakAware")) {
            throw new IllegalStateException(
                    "Netty did not hand out a leak-aware buffer: " + paranoid.getClass());
        }
        RefGuard.setMode(CheckMode.TRACKED);
        RefGuard.setRecords(true);
        TrackedBench.Counted tracked = new TrackedBench.Counted();
        Runnable supplied = CallSites.SUPPLIED ? instrumentedOperation() : null;
        RefGuard.resetToDefaults();
        pairs.add(
                new Pair(
                        "TRACKED with sites (no agent) vs Netty PARANOID",
                        "netty retain+touch+release",
                        () -> {},
                        n -> {
                            for (int i = 0; i < n; i++) {
                                paranoid.retain();
                                paranoid.touch("decoded");
                                paranoid.release();
                            }
                            return n;
                        },
                        "refguard acquire+touch+close",
                        () -> {},
                        n -> {
                            for (int i = 0; i < n; i++) {
                                Ref<TrackedBench.Counted> ref = tracked.acquire();
                                ref.touch("decoded");
                                ref.close();
                            }
                            return n;
                        }));

        if (supplied != null) {
            pairs.add(
                    new Pair(
                            "TRACKED with sites supplied by the agent vs Netty PARANOID",
                            "netty retain+touch+release",
                            () -> {},
                            n -> {
                                for (int i = 0; i < n; i++) {
                                    paranoid.retain();
                                    paranoid.touch("decoded");
                                    paranoid.release();
                                }
                                return n;
                            },
                            "refguard acquire+touch+close",
                            () -> {},
                            n -> {
                                for (int i = 0; i < n; i++) {
                                    supplied.run();
                                }
                                return n;
                            }));
        }

        for (int depth : new int[] {10, 60}) {
            pairs.add(
                    new Pair(
                            "a site at stack depth " + depth + ": StackWalker vs Throwable",
                            "StackWalker walk",
                            () -> {},
                            n -> captures(n, depth, Interleaved::walk),
                            "new Throwable()",
                            () -> {},
                            n -> captures(n, depth, Throwable::new)));
        }
        java.lang.ref.Cleaner cleaner = java.lang.ref.Cleaner.create();
        pairs.add(
                new Pair(
                        "what the GC backstop adds per handle",
                        "new Object()",
                        () -> {},
                        n -> {
                            long sum = 0;
                            for (int i = 0; i < n; i++) {
                                sum += new Object().hashCode() & 1;
                            }
                            return sum;
                        },
                        "Cleaner register + clean",
                        () -> {},
                        n -> {
                            long sum = 0;
                            for (int i = 0; i < n; i++) {
                                Object handle = new Object();
                                cleaner.register(handle, NOTHING).clean();
                                sum += handle.hashCode() & 1;
                            }
                            return sum;
                        }));

        Pool pool = new Pool();
        Pair sampled =
                new Pair(
                        "SAMPLED vs OFF, pool workload",
                        "OFF",
                        () -> RefGuard.setMode(CheckMode.OFF),
                        pool::serve,
                        "SAMPLED 1/128",
                        () -> RefGuard.setMode(CheckMode.SAMPLED),
                        pool::serve);
        sampled.batchNanos =
                20_000_000; // over 10,000 requests: about 80 tracked ones in every batch
        pairs.add(sampled);
        pairs.add(
                new Pair(
                        "PRESENCE vs OFF, pool workload",
                        "OFF",
                        () -> RefGuard.setMode(CheckMode.OFF),
                        pool::serve,
                        "PRESENCE scope",
                        () -> RefGuard.setMode(CheckMode.OFF),
                        pool::serveInPresenceScope));
        return pairs;
    }

    /**
     * {@link AgentSitesBench.Operation} (acquire, touch, close on a tracked object) instrumented as
     * the agent would, so that its three sites are supplied; needs {@code
     * -Drefguard.callSites=true}.
     */
    private static Runnable instrumentedOperation() {
        InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        Interleaved.class.getClassLoader(),
                        AgentOptions.defaults()
                                .withInclude(AgentSitesBench.Operation.class.getName()));
        try {
            Runnable op =
                    (Runnable)
                            Class.forName(AgentSitesBench.Operation.class.getName(), true, loader)
                                    .getDeclaredConstructor()
                                    .newInstance();
            if (loader.transformer().instrumentedCount() != 1
                    || !((java.util.function.BooleanSupplier) op).getAsBoolean()) {
                throw new IllegalStateException(
                        "the operation was not instrumented, or its object is not tracked");
            }
            return op;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Runnable NOTHING = () -> {};
    private static final StackWalker WALKER =
            StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The frame two below the caller, as refguard's previous site capture walked to. */
    private static Object walk() {
        return WALKER.walk(frames -> frames.skip(2).findFirst().orElse(null));
    }

    private static long captures(int n, int depth, java.util.function.Supplier<Object> capture) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += deep(depth, capture) != null ? 1 : 0;
        }
        return sum;
    }

    private static Object deep(int frames, java.util.function.Supplier<Object> capture) {
        return frames == 0 ? capture.get() : deep(frames - 1, capture);
    }

    /**
     * Alternates the two sides' batches for {@code seconds}; returns ns/op per batch, baseline then
     * refguard.
     */
    private static double[][] measure(Pair p, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 0.2e9);
        while (System.nanoTime() < end) { // warm-up, alternating
            p.beforeBaseline.run();
            sink += p.baseline.run(100);
            p.beforeRefguard.run();
            sink += p.refguard.run(100);
        }
        int n = calibrate(p);
        double[] a = new double[1 << 20];
        double[] b = new double[1 << 20];
        int count = 0;
        end = System.nanoTime() + (long) (seconds * 0.8e9);
        while (System.nanoTime() < end && count < a.length) {
            boolean baselineFirst = (count & 1) == 0;
            for (int side = 0; side < 2; side++) {
                boolean baseline = baselineFirst == (side == 0);
                (baseline ? p.beforeBaseline : p.beforeRefguard).run();
                long t0 = System.nanoTime();
                sink += (baseline ? p.baseline : p.refguard).run(n);
                double perOp = (System.nanoTime() - t0) / (double) n;
                (baseline ? a : b)[count] = perOp;
            }
            count++;
        }
        RefGuard.resetToDefaults();
        return new double[][] {Arrays.copyOf(a, count), Arrays.copyOf(b, count)};
    }

    /** A batch size that takes about {@code p.batchNanos} per side, measured on the warm code. */
    private static int calibrate(Pair p) {
        int n = 1;
        for (; ; ) {
            long t0 = System.nanoTime();
            p.beforeBaseline.run();
            sink += p.baseline.run(n);
            p.beforeRefguard.run();
            sink += p.refguard.run(n);
            if (System.nanoTime() - t0 > 2 * p.batchNanos || n > 1 << 24) {
                return n;
            }
            n *= 2;
        }
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    /**
     * The request of {@link PoolWorkloadBench}: a pooled 1 KiB buffer filled, shared and
     * checksummed.
     */
    private static final class Pool {
        private final java.util.ArrayDeque<byte[]> memory = new java.util.ArrayDeque<>();
        private int requestNumber;

        long serve(int n) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += serveOne();
            }
            return sum;
        }

        /** Counts every buffer; bound per batch, closed never (the workload frees every buffer). */
        private final LeakScope presence =
                LeakScope.openDetached(CheckMode.PRESENCE, "the PRESENCE side");

        long serveInPresenceScope(int n) {
            try (LeakScope.Binding bound = presence.bind()) {
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += serveOne();
                }
                return sum;
            }
        }

        private long serveOne() {
            byte[] m = memory.pollFirst();
            try (PoolWorkloadBench.PooledBuffer buffer =
                    new PoolWorkloadBench.PooledBuffer(m != null ? m : new byte[1024], memory)) {
                byte[] data = buffer.memory;
                int seed = ++requestNumber;
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) (seed * 31 + i);
                }
                try (Ref<PoolWorkloadBench.PooledBuffer> decoding = buffer.acquire()) {
                    long sum = 1;
                    for (byte x : decoding.get().memory) {
                        sum = sum * 131 + x;
                    }
                    return sum;
                }
            }
        }
    }
}
