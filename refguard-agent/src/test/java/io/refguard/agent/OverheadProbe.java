package io.refguard.agent;

import example.bench.Workload;
import java.lang.reflect.Method;

/**
 * A quick measurement, not a test: nanoseconds per loop iteration of {@link Workload}, loaded
 * plainly and loaded instrumented with no interceptor installed. Run after {@code mvn -pl
 * refguard-agent test-compile}:
 *
 * <pre>
 * java -cp refguard-agent/target/classes:refguard-agent/target/test-classes:$HOME/.m2/repository/org/ow2/asm/asm/9.9.1/asm-9.9.1.jar:$HOME/.m2/repository/org/ow2/asm/asm-tree/9.9.1/asm-tree-9.9.1.jar io.refguard.agent.OverheadProbe
 * </pre>
 *
 * Single-threaded and uncontended on purpose: it measures the inserted checks, not contention.
 * Wall-clock numbers on a shared machine are noisy; the benchmark module is the place for rigorous
 * ones.
 */
public final class OverheadProbe {

    private static final int ITERATIONS = 2_000_000;
    private static final int ROUNDS = 15;

    private OverheadProbe() {}

    public static void main(String[] args) throws Exception {
        Object plain = new Workload();
        InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        OverheadProbe.class.getClassLoader(),
                        AgentOptions.defaults().withInclude("example.bench.*"));
        Object instrumented =
                Class.forName(Workload.class.getName(), true, loader)
                        .getDeclaredConstructor()
                        .newInstance();
        if (loader.transformer().instrumentedCount() != 1) {
            throw new IllegalStateException("the workload was not instrumented");
        }
        for (String name :
                new String[] {"locksAndAtomics", "monitorsAndVolatiles", "streams", "iterators"}) {
            double base = best(plain, name);
            double with = best(instrumented, name);
            System.out.printf(
                    "%-22s plain %6.2f ns/iter   instrumented %6.2f ns/iter   ratio %.2f%n",
                    name, base, with, with / base);
        }
    }

    /** The best of {@link #ROUNDS} timed rounds after as many warm-up rounds. */
    private static double best(Object workload, String name) throws Exception {
        Method m = workload.getClass().getMethod(name, int.class);
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 2 * ROUNDS; round++) {
            long start = System.nanoTime();
            sink += (long) m.invoke(workload, ITERATIONS);
            double perIteration = (System.nanoTime() - start) / (double) ITERATIONS;
            if (round >= ROUNDS) {
                best = Math.min(best, perIteration);
            }
        }
        if (sink == 42) {
            System.out.println();
        }
        return best;
    }
}
