package io.refguard.explore.search;

import static io.refguard.explore.search.DporTraceTest.X;
import static io.refguard.explore.search.DporTraceTest.Y;
import static io.refguard.explore.search.DporTraceTest.allSchedules;
import static io.refguard.explore.search.DporTraceTest.r;
import static io.refguard.explore.search.DporTraceTest.traceKey;
import static io.refguard.explore.search.DporTraceTest.w;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.search.DporTraceTest.Op;
import io.refguard.explore.search.DporTraceTest.Sim;
import io.refguard.explore.strategy.Search;
import io.refguard.explore.strategy.Strategies;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bounded partial-order reduction (DPOR within a preemption bound) against brute force on tiny
 * abstract programs: every Mazurkiewicz trace that has a schedule with at most {@code b}
 * preemptions must be run, every run must stay within the bound, and it must take fewer runs than
 * the schedules an exhaustive search enumerates within the same bound.
 */
class BoundedDporTraceTest {

    /** Preemptions of a schedule: switches away from a thread that still had steps. */
    static int preemptions(List<List<Op>> threads, int[] schedule) {
        int[] left = new int[threads.size()];
        for (int t = 0; t < left.length; t++) {
            left[t] = threads.get(t).size();
        }
        int count = 0;
        for (int i = 0; i < schedule.length; i++) {
            if (i > 0 && schedule[i] != schedule[i - 1] && left[schedule[i - 1]] > 0) {
                count++;
            }
            left[schedule[i]]--;
        }
        return count;
    }

    /**
     * What the bounded search ran: completed runs, their traces, and the preemptions of the first
     * run of each trace.
     */
    record Outcome(long runs, Map<String, Integer> firstPreemptions, boolean boundLimited) {
        Set<String> traces() {
            return firstPreemptions.keySet();
        }
    }

    static Outcome search(List<List<Op>> threads, int bound) {
        Search strategy = Strategies.dpor(bound);
        long runs = 0;
        Map<String, Integer> first = new HashMap<>();
        while (strategy.hasNextRun()) {
            Sim sim = new Sim(threads);
            RunStatus status = sim.run(strategy.chooser());
            strategy.runFinished(status, 0, 0);
            assertEquals(null, strategy.divergence(), "the simulated program is deterministic");
            if (status == RunStatus.COMPLETED) {
                runs++;
                int[] s = sim.schedule();
                int pre = preemptions(threads, s);
                assertTrue(pre <= bound, pre + " preemptions in a run bounded by " + bound);
                first.putIfAbsent(traceKey(threads, s), pre);
            }
        }
        assertTrue(strategy.exhausted(), "a bounded search of a finite model ends exhausted");
        return new Outcome(runs, first, strategy.boundLimited());
    }

    /**
     * The traces with a schedule of at most {@code bound} preemptions, and how many such schedules.
     */
    static Set<String> boundedTraces(List<List<Op>> threads, int bound, long[] schedules) {
        return fewestPreemptions(threads, bound, schedules).keySet();
    }

    /**
     * The traces with a schedule of at most {@code bound} preemptions, each with the fewest
     * preemptions of its schedules; counts such schedules into {@code schedules[0]}.
     */
    static Map<String, Integer> fewestPreemptions(
            List<List<Op>> threads, int bound, long[] schedules) {
        Map<String, Integer> fewest = new HashMap<>();
        for (int[] s : allSchedules(threads)) {
            int pre = preemptions(threads, s);
            if (pre <= bound) {
                schedules[0]++;
                fewest.merge(traceKey(threads, s), pre, Math::min);
            }
        }
        return fewest;
    }

    static void assertCovers(List<List<Op>> m, int bound) {
        Set<String> expected = boundedTraces(m, bound, new long[1]);
        Outcome got = search(m, bound);
        assertTrue(
                got.traces().containsAll(expected),
                "bound " + bound + ": missed " + missing(expected, got.traces()) + " of " + m);
    }

    private static Set<String> missing(Set<String> expected, Set<String> got) {
        Set<String> m = new HashSet<>(expected);
        m.removeAll(got);
        return m;
    }

    @Test
    void aRaceReachableOnlyAtTheStartOfABlockIsRun() {
        // T1 writes X then Y; T2 writes Y then reads X. With bound 0, the only schedules run one
        // thread to its end, then the other; both orders must be run.
        List<List<Op>> m = List.of(List.of(w(X), w(Y)), List.of(w(Y), r(X)));
        assertCovers(m, 0);
        assertEquals(2, search(m, 0).traces().size());
    }

    @Test
    void boundZeroRunsOnlySchedulesWithoutPreemption() {
        List<List<Op>> m = List.of(List.of(w(X), r(X)), List.of(w(X)), List.of(r(X)));
        Outcome o = search(m, 0);
        assertTrue(o.boundLimited(), "races that need a preemption were left out: " + o);
        assertCovers(m, 0);
    }

    @Test
    void randomSmallModelsHaveEveryBoundedTraceCovered() {
        Random rnd = new Random(2013);
        Object[] targets = {DporTraceTest.X, DporTraceTest.Y, DporTraceTest.Z, null};
        Access[] accesses = Access.values();
        long[] runs = new long[3];
        long[] schedules = new long[3];
        for (int model = 0; model < 150; model++) {
            int n = 2 + rnd.nextInt(2);
            List<List<Op>> m = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                List<Op> ops = new ArrayList<>();
                int len = 1 + rnd.nextInt(4);
                for (int i = 0; i < len; i++) {
                    Object target = targets[rnd.nextInt(rnd.nextInt(8) == 0 ? 4 : 3)];
                    ops.add(new Op(target, target == null ? null : accesses[rnd.nextInt(3)]));
                }
                m.add(ops);
            }
            for (int bound = 0; bound <= 2; bound++) {
                long[] count = new long[1];
                Map<String, Integer> fewest = fewestPreemptions(m, bound, count);
                Set<String> expected = fewest.keySet();
                Outcome got = search(m, bound);
                assertTrue(
                        got.traces().containsAll(expected),
                        "bound "
                                + bound
                                + ": missed "
                                + missing(expected, got.traces())
                                + " of "
                                + m);
                // Level by level: a trace is first run with the fewest preemptions it allows, so
                // a failure (a property of its trace) is reported with the fewest too.
                assertEquals(fewest, got.firstPreemptions(), "bound " + bound + " of " + m);
                runs[bound] += got.runs();
                schedules[bound] += count[0];
            }
        }
        for (int bound = 0; bound <= 2; bound++) {
            assertTrue(
                    runs[bound] < schedules[bound],
                    "bound "
                            + bound
                            + ": "
                            + runs[bound]
                            + " runs for "
                            + schedules[bound]
                            + " schedules");
        }
    }
}
