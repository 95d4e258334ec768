package io.refguard.bench;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.explore.AgentExplorer;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The explorations of {@link AgentOverheadBench#explore}, taken in turns (one of each way per
 * round) rather than one way after the other, so that load from other processes on a shared machine
 * falls on every way alike; prints the median and best time per exploration and each way's
 * schedules per second against the explicit API's. The first third of the rounds warms up and is
 * dropped.
 *
 * <pre>{@code
 * java -cp refguard-bench/target/benchmarks.jar io.refguard.bench.FreshStaticsHarness 60
 * }</pre>
 */
public final class FreshStaticsHarness {

    private FreshStaticsHarness() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        ExploreOptions options = AgentOverheadBench.OPTIONS;
        String points = AgentOverheadBench.PointsProgram.class.getName();
        String stateful = AgentOverheadBench.StaticPointsProgram.class.getName();
        Map<String, Supplier<ExploreResult>> ways = new LinkedHashMap<>();
        ways.put(
                "explicit",
                () ->
                        Explorer.scenario("points")
                                .setup(Object::new)
                                .actor(AgentExplorer.MAIN_THREAD, AgentOverheadBench::explicitMain)
                                .explore(options));
        ways.put(
                "agentFreshStatics",
                () ->
                        AgentExplorer.mainClass(points)
                                .agentOptions(AgentOptions.defaults().withInclude(points))
                                .explore(options));
        ways.put(
                "agentStaticState",
                () ->
                        AgentExplorer.mainClass(stateful)
                                .agentOptions(AgentOptions.defaults().withInclude(stateful))
                                .explore(options));
        ways.put(
                "agentReusedClasses",
                () ->
                        AgentExplorer.mainClass(points)
                                .agentOptions(AgentOptions.defaults().withInclude(points))
                                .reuseClasses(true)
                                .explore(options));
        InstrumentingClassLoader once =
                new InstrumentingClassLoader(
                        FreshStaticsHarness.class.getClassLoader(),
                        AgentOptions.defaults().withInclude(points));
        Class<?> instrumented = load(points, once);
        ways.put(
                "agentInstrumented",
                () ->
                        AgentExplorer.entry("points", () -> () -> callMain(instrumented))
                                .explore(options));
        ways.put(
                "agentFreshLoaderPerRun",
                () ->
                        AgentExplorer.entry(
                                        "points",
                                        () -> {
                                            Class<?> fresh = load(points, once.freshCopy());
                                            return () -> callMain(fresh);
                                        })
                                .explore(options));
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, Long> schedules = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Supplier<ExploreResult>> way : ways.entrySet()) {
                long start = System.nanoTime();
                ExploreResult r = way.getValue().get();
                double ms = (System.nanoTime() - start) / 1e6;
                Long before = schedules.putIfAbsent(way.getKey(), r.distinctSchedules());
                if (before != null && before != r.distinctSchedules()) {
                    throw new IllegalStateException(
                            way.getKey() + " explored " + r + ", before " + before + " schedules");
                }
                if (round >= rounds / 3) {
                    millis.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(ms);
                }
            }
        }
        double explicit = schedules.get("explicit") * 1000 / median(millis.get("explicit"));
        System.out.printf(
                "%-20s %10s %10s %10s %12s %8s%n",
                "way", "schedules", "median ms", "best ms", "schedules/s", "ratio");
        for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
            double median = median(e.getValue());
            double rate = schedules.get(e.getKey()) * 1000 / median;
            System.out.printf(
                    "%-20s %10d %10.1f %10.1f %12.0f %7.2fx%n",
                    e.getKey(),
                    schedules.get(e.getKey()),
                    median,
                    Collections.min(e.getValue()),
                    rate,
                    rate / explicit);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void callMain(Class<?> program) {
        try {
            program.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
