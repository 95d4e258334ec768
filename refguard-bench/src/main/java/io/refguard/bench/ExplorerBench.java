package io.refguard.bench;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.examples.ExampleBugs;
import io.refguard.explore.models.PointsModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The explorer's own speed.
 *
 * <ul>
 *   <li>{@link #exhaustivePoints}: one whole exhaustive exploration, within preemption bound 2, of
 *       two actors passing ten scheduling points each; the {@code schedules} counter is the number
 *       of distinct schedules per second ({@code runs} also counts the repeats of iterative
 *       bounding) (goal: at least 20,000 on two cores).
 *   <li>{@link #timeToFirstBug}: how long the exhaustive search takes to find each example bug
 *       (lost update, Treiber-stack ABA, lock-order deadlock, half-done list insert), including the
 *       traced re-run that renders the report (goal: under one second each).
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = "-Drefguard.mode=tracked")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ExplorerBench {

    /** Counts the schedules each exploration ran, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Schedules {
        /** Distinct schedules explored. */
        public long schedules;

        /** Runs, including those that iterative bounding repeats at each new bound. */
        public long runs;

        @Setup(Level.Iteration)
        public void reset() {
            schedules = 0;
            runs = 0;
        }
    }

    /** Which example bug to find. */
    @State(Scope.Benchmark)
    public static class Bug {
        @Param({"lost-update", "treiber-aba", "lock-order-deadlock", "half-done-insert"})
        public String name;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ExploreResult exhaustivePoints(Schedules counter) {
        ExploreResult result = PointsModel.exhaustive(2, 10, 2);
        counter.schedules += result.distinctSchedules();
        counter.runs += result.runs();
        return result;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public InterleavingFailure timeToFirstBug(Bug bug) {
        try {
            ExampleBugs.all()
                    .get(bug.name)
                    .get()
                    .explore(ExploreOptions.exhaustive().preemptionBound(2));
        } catch (InterleavingFailure found) {
            return found;
        }
        throw new IllegalStateException("the explorer missed the example bug " + bug.name);
    }
}
