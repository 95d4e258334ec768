package io.refguard.bench;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The cost of one scheduling step against the number of threads in a run, in one or two builds side
 * by side. The work that interleaves is the same whatever the thread count: two workers make 50
 * updates each of one shared counter; the other {@code N - 2} threads start and then either wait
 * until both workers are done ({@code blocked}: a monitor wait on a flag the last worker sets and
 * signals) or take one step and finish ({@code finished}). {@code all} is the other shape: every
 * thread makes three updates. The scores are nanoseconds per scheduling step: the time of whole
 * explorations (search, runs, hand-offs; no tracing, no report) over the steps they took, as wall
 * time and as the process's CPU time; and the share of steps that switch to another thread (a
 * hand-off of the baton: counted by the threads themselves, in the runs that reach the final
 * check), since a hand-off to a parked thread costs far more than a step that goes on.
 *
 * <p>Each build's {@code refguard-explore} and {@code refguard-core} classes get a class loader of
 * their own in one JVM, and the builds run the same explorations in turns (rounds), so background
 * load falls on both alike; the first round is the JIT's warm-up and is dropped.
 *
 * <p>Usage: {@code java -cp refguard-bench/target/classes io.refguard.bench.SwitchCost [options]
 * CLASSES...}, each CLASSES a build's {@code refguard-explore/target/classes} and {@code
 * refguard-core/target/classes} joined by the path separator; options {@code --threads
 * 2,10,100,1000}, {@code --strategies default,random,pct}, {@code --workload blocked|finished|all},
 * {@code --rounds 6}, {@code --runs 20} (runs per exploration), {@code --batch-ms 300}.
 */
public final class SwitchCost {

    private SwitchCost() {}

    /** The state of one run: the counter the workers update, and the gate the others wait at. */
    static final class Gate {
        final SharedInt counter = new SharedInt("counter", 0);
        final SharedInt done = new SharedInt("done", 0);
        final Object monitor = new Object();
        boolean open; // guarded by monitor (a model lock: code between points is atomic)

        /** The thread that ran last, and how often another thread ran after it: switches. */
        int last = -1;

        int switches;

        /** Called by thread {@code id} after each of its points, and when it starts. */
        void at(int id) {
            if (last != id) {
                switches++;
                last = id;
            }
        }
    }

    /** Switches counted in the runs that reached their final check. */
    private static long switches;

    static Scenario<Gate> scenario(String workload, int threads) {
        Scenario<Gate> s = Explorer.scenario(workload + " x" + threads).setup(Gate::new);
        if (workload.equals("all")) {
            for (int t = 0; t < threads; t++) {
                int id = t;
                s.actor(
                        "T" + t,
                        g -> {
                            g.at(id);
                            for (int i = 0; i < 3; i++) {
                                g.counter.incrementAndGet();
                                g.at(id);
                            }
                        });
            }
            return s.check(
                    g -> {
                        switches += g.switches;
                        if (g.counter.peek() != 3 * threads) {
                            throw new AssertionError("lost update: " + g.counter.peek());
                        }
                    });
        }
        for (int t = 0; t < 2; t++) {
            int id = t;
            s.actor(
                    "W" + t,
                    g -> {
                        g.at(id);
                        for (int i = 0; i < 50; i++) {
                            g.counter.incrementAndGet();
                            g.at(id);
                        }
                        boolean last = g.done.incrementAndGet() == 2;
                        g.at(id);
                        if (last) {
                            Coordinator.lock(g.monitor);
                            g.at(id);
                            g.open = true;
                            Coordinator.signalAll(g.monitor);
                            g.at(id);
                            Coordinator.unlock(g.monitor);
                        }
                    });
        }
        for (int t = 2; t < threads; t++) {
            int id = t;
            if (workload.equals("blocked")) {
                s.actor(
                        "B" + t,
                        g -> {
                            g.at(id);
                            Coordinator.lock(g.monitor);
                            g.at(id);
                            while (!g.open) {
                                Coordinator.await(g.monitor);
                                g.at(id);
                            }
                            Coordinator.unlock(g.monitor);
                        });
            } else {
                s.actor(
                        "F" + t,
                        g -> {
                            g.at(id);
                            Coordinator.point("once");
                            g.at(id);
                        });
            }
        }
        return s.check(
                g -> {
                    switches += g.switches;
                    if (g.counter.peek() != 100) {
                        throw new AssertionError("lost update: " + g.counter.peek());
                    }
                });
    }

    static ExploreOptions options(String strategy, int runs) {
        ExploreOptions o =
                switch (strategy) {
                    case "default" -> ExploreOptions.defaultSearch();
                    case "random" -> ExploreOptions.random();
                    case "pct" -> ExploreOptions.pct(3);
                    case "pos" -> ExploreOptions.pos();
                    case "surw" -> ExploreOptions.surw();
                    case "exhaustive" -> ExploreOptions.exhaustive();
                    default -> throw new IllegalArgumentException("unknown strategy " + strategy);
                };
        return o.seed(0x5EED).maxRuns(runs).maxSteps(100_000);
    }

    /**
     * Explorations of {@code runs} runs each for about {@code nanos}; called reflectively inside
     * each build's loader. Returns the nanoseconds spent, the scheduling steps taken, and the runs.
     */
    public static long[] batch(
            String workload, String strategy, int threads, int runs, long nanos) {
        Scenario<Gate> s = scenario(workload, threads);
        ExploreOptions o = options(strategy, runs);
        switches = 0;
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        long steps = 0;
        long ran = 0;
        long spent;
        do {
            ExploreResult r = s.explore(o);
            steps += r.schedulingPoints();
            ran += r.runs();
            spent = System.nanoTime() - start;
        } while (spent < nanos);
        return new long[] {spent, steps, ran, cpuNanos() - cpuStart, switches};
    }

    /** Per build, the best and the median of the rounds after the first. */
    private static double[][] summary(double[][] rounds) {
        double[][] r = new double[2][rounds.length];
        for (int b = 0; b < rounds.length; b++) {
            double[] kept = Arrays.copyOfRange(rounds[b], 1, rounds[b].length);
            Arrays.sort(kept);
            r[0][b] = kept[0];
            r[1][b] = kept[kept.length / 2];
        }
        return r;
    }

    /** CPU time of the whole process (every thread, the JIT and GC included), in nanoseconds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** This class, loaded in a loader that sees {@code classPath} first. */
    private static Method batchIn(String classPath) throws Exception {
        String[] parts = classPath.split(File.pathSeparator);
        URL[] urls = new URL[parts.length + 1];
        for (int i = 0; i < parts.length; i++) {
            urls[i] = Path.of(parts[i]).toUri().toURL();
        }
        urls[parts.length] = SwitchCost.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        return loader.loadClass(SwitchCost.class.getName())
                .getMethod("batch", String.class, String.class, int.class, int.class, long.class);
    }

    public static void main(String[] args) throws Exception {
        int[] threads = {2, 10, 100, 1000};
        String[] strategies = {"default", "random", "pct"};
        String workload = "blocked";
        int rounds = 6;
        long batchNanos = 300_000_000L;
        int runs = 20;
        List<String> builds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" ->
                        threads =
                                Arrays.stream(args[++i].split(","))
                                        .mapToInt(Integer::parseInt)
                                        .toArray();
                case "--strategies" -> strategies = args[++i].split(",");
                case "--workload" -> workload = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--batch-ms" -> batchNanos = Long.parseLong(args[++i]) * 1_000_000L;
                default -> builds.add(args[i]);
            }
        }
        if (builds.isEmpty() || rounds < 2) {
            System.err.println(
                    "usage: SwitchCost [--threads 2,10,100,1000] [--strategies default,random,pct]"
                            + " [--workload blocked|finished|all] [--rounds n>=2] [--runs n]"
                            + " [--batch-ms ms]"
                            + " CLASSES...");
            System.exit(2);
        }
        Method[] batch = new Method[builds.size()];
        for (int b = 0; b < batch.length; b++) {
            batch[b] = batchIn(builds.get(b));
        }
        StringBuilder head =
                new StringBuilder("| strategy | threads | steps/run | switches/step |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|");
        for (int b = 0; b < batch.length; b++) {
            head.append(" build ")
                    .append(b + 1)
                    .append(": wall ns/step, best / median | CPU ns/step, best / median |");
            rule.append("---:|---:|");
        }
        if (batch.length == 2) {
            head.append(" 2/1 wall best (median) | 2/1 CPU best (median) |");
            rule.append("---:|---:|");
        }
        System.out.printf(
                "workload %s, explorations of %d runs, %d rounds (the first dropped), batches of"
                        + " %d ms%n%s%n%s%n",
                workload, runs, rounds, batchNanos / 1_000_000, head, rule);
        for (String strategy : strategies) {
            for (int n : threads) {
                double[][] ns = new double[batch.length][rounds];
                double[][] cpu = new double[batch.length][rounds];
                long stepsPerRun = 0;
                double switchShare = 0;
                for (int r = 0; r < rounds; r++) {
                    for (int b = 0; b < batch.length; b++) {
                        long[] res =
                                (long[])
                                        batch[b].invoke(
                                                null, workload, strategy, n, runs, batchNanos);
                        ns[b][r] = (double) res[0] / res[1];
                        cpu[b][r] = (double) res[3] / res[1];
                        stepsPerRun = res[1] / res[2];
                        switchShare = (double) res[4] / res[1];
                    }
                }
                StringBuilder row =
                        new StringBuilder(
                                String.format(
                                        Locale.ROOT,
                                        "| %s | %d | %d | %.2f |",
                                        strategy,
                                        n,
                                        stepsPerRun,
                                        switchShare));
                double[][] wall = summary(ns);
                double[][] used = summary(cpu);
                for (int b = 0; b < batch.length; b++) {
                    row.append(
                            String.format(
                                    Locale.ROOT,
                                    " %.0f / %.0f | %.0f / %.0f |",
                                    wall[0][b],
                                    wall[1][b],
                                    used[0][b],
                                    used[1][b]));
                }
                if (batch.length == 2) {
                    row.append(
                            String.format(
                                    Locale.ROOT,
                                    " %.2f (%.2f) | %.2f (%.2f) |",
                                    wall[0][1] / wall[0][0],
                                    wall[1][1] / wall[1][0],
                                    used[0][1] / used[0][0],
                                    used[1][1] / used[1][0]));
                }
                System.out.println(row);
            }
        }
    }
}
