package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.strategy.Search;
import io.refguard.explore.strategy.Strategies;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The DPOR strategy driven by a tiny abstract program (threads as fixed lists of accesses) in place
 * of the runtime, against a brute-force count of Mazurkiewicz traces: every interleaving is
 * enumerated and keyed by the order it gives each pair of dependent steps of different threads.
 * DPOR must run a schedule of every trace, and (with its sleep sets) no trace twice, so fewer
 * schedules than there are interleavings when some steps are independent.
 */
class DporTraceTest {

    static final Object X = new Object();
    static final Object Y = new Object();
    static final Object Z = new Object();

    /** One step of an abstract thread. */
    record Op(Object target, Access access) {}

    /** What a search run of a model produced. */
    record Outcome(long completedRuns, Set<String> traces) {}

    static Op w(Object t) {
        return new Op(t, Access.WRITE);
    }

    static Op r(Object t) {
        return new Op(t, Access.READ);
    }

    static Op unknown() {
        return new Op(null, null);
    }

    /** Marks a thread's start step in a model. */
    static final Object START = new Object();

    /** A thread's start: it runs only the thread's own code, so it commutes with every step. */
    static Op start() {
        return new Op(START, null);
    }

    /** The dependence the strategy is specified to use, written out again for the oracle. */
    static boolean dependent(Op a, Op b) {
        if (a.target() == START || b.target() == START) {
            return false;
        }
        if (a.target() == null || b.target() == null) {
            return true;
        }
        return a.target() == b.target()
                && !(a.access() == Access.READ && b.access() == Access.READ);
    }

    /** The Mazurkiewicz trace of a schedule: the order of every dependent pair of steps. */
    static String traceKey(List<List<Op>> threads, int[] schedule) {
        int[] pc = new int[threads.size()];
        List<int[]> events = new ArrayList<>(); // {thread, index}
        for (int t : schedule) {
            events.add(new int[] {t, pc[t]++});
        }
        Set<String> order = new TreeSet<>();
        for (int i = 0; i < events.size(); i++) {
            for (int j = i + 1; j < events.size(); j++) {
                int[] a = events.get(i);
                int[] b = events.get(j);
                if (a[0] != b[0]
                        && dependent(threads.get(a[0]).get(a[1]), threads.get(b[0]).get(b[1]))) {
                    order.add(a[0] + "." + a[1] + "<" + b[0] + "." + b[1]);
                }
            }
        }
        return order.toString();
    }

    /** Every interleaving of the model, by brute force. */
    static List<int[]> allSchedules(List<List<Op>> threads) {
        int total = threads.stream().mapToInt(List::size).sum();
        List<int[]> out = new ArrayList<>();
        enumerate(threads, new int[threads.size()], new int[total], 0, out);
        return out;
    }

    private static void enumerate(
            List<List<Op>> threads, int[] pc, int[] prefix, int len, List<int[]> out) {
        if (len == prefix.length) {
            out.add(prefix.clone());
            return;
        }
        for (int t = 0; t < threads.size(); t++) {
            if (pc[t] < threads.get(t).size()) {
                pc[t]++;
                prefix[len] = t;
                enumerate(threads, pc, prefix, len + 1, out);
                pc[t]--;
            }
        }
    }

    static Set<String> allTraces(List<List<Op>> threads) {
        Set<String> traces = new HashSet<>();
        for (int[] s : allSchedules(threads)) {
            traces.add(traceKey(threads, s));
        }
        return traces;
    }

    /** Runs the DPOR search to the end on the model; returns completed runs and their traces. */
    static Outcome dpor(List<List<Op>> threads) {
        Search strategy = Strategies.dpor();
        long completed = 0;
        Set<String> traces = new HashSet<>();
        while (strategy.hasNextRun()) {
            Sim sim = new Sim(threads);
            RunStatus status = sim.run(strategy.chooser());
            strategy.runFinished(status, 0, 0);
            if (status == RunStatus.COMPLETED) {
                completed++;
                traces.add(traceKey(threads, sim.schedule()));
            }
            assertEquals(null, strategy.divergence(), "the simulated program is deterministic");
        }
        assertTrue(strategy.exhausted(), "DPOR on a finite model ends exhausted");
        return new Outcome(completed, traces);
    }

    /** A run of the abstract program: every thread with steps left is enabled. */
    static final class Sim implements ChoicePoint {
        private final List<List<Op>> threads;
        private final int[] pc;
        private final int[] schedule;
        private int step;
        private int current = -1;

        Sim(List<List<Op>> threads) {
            this.threads = threads;
            this.pc = new int[threads.size()];
            this.schedule = new int[threads.stream().mapToInt(List::size).sum()];
        }

        RunStatus run(Chooser chooser) {
            while (step < schedule.length) {
                int c = chooser.choose(this);
                if (c == Chooser.PRUNE) {
                    return RunStatus.PRUNED;
                }
                assertTrue(isEnabled(c), "the strategy chose a thread that cannot run");
                schedule[step++] = c;
                pc[c]++;
                current = c;
            }
            return RunStatus.COMPLETED;
        }

        int[] schedule() {
            return schedule.clone();
        }

        private Op pending(int id) {
            List<Op> ops = threads.get(id);
            return pc[id] < ops.size() ? ops.get(pc[id]) : null;
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public boolean currentEnabled() {
            return current >= 0 && isEnabled(current);
        }

        @Override
        public boolean isEnabled(int id) {
            return id >= 0 && id < threads.size() && pc[id] < threads.get(id).size();
        }

        @Override
        public int nextEnabled(int from) {
            for (int i = Math.max(0, from); i < threads.size(); i++) {
                if (isEnabled(i)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int enabledCount() {
            int n = 0;
            for (int i = 0; i < threads.size(); i++) {
                n += isEnabled(i) ? 1 : 0;
            }
            return n;
        }

        @Override
        public int threadCount() {
            return threads.size();
        }

        @Override
        public boolean pendingStart(int id) {
            Op op = pending(id);
            return op != null && op.target() == START;
        }

        @Override
        public Object pendingTarget(int id) {
            Op op = pending(id);
            return op == null || op.target() == START ? null : op.target();
        }

        @Override
        public Access pendingAccess(int id) {
            Op op = pending(id);
            return op == null ? null : op.access();
        }

        @Override
        public String threadName(int id) {
            return "T" + (id + 1);
        }

        @Override
        public String pendingLabel(int id) {
            return "op";
        }
    }

    /** Asserts DPOR covers every trace of the model; returns its outcome for further checks. */
    static Outcome assertCoversEveryTrace(List<List<Op>> threads) {
        Set<String> expected = allTraces(threads);
        Outcome got = dpor(threads);
        assertEquals(expected, got.traces(), "traces reached by DPOR for " + threads);
        // Sleep sets keep two completed runs from being the same trace.
        assertEquals(expected.size(), got.completedRuns(), "completed runs, one per trace");
        return got;
    }

    @Test
    void disjointObjectsFormOneTrace() {
        List<List<Op>> m = List.of(List.of(w(X), r(X), w(X)), List.of(w(Y), r(Y)));
        assertEquals(1, allTraces(m).size());
        assertEquals(10, allSchedules(m).size());
        Outcome o = assertCoversEveryTrace(m);
        assertEquals(1, o.completedRuns(), "one schedule stands for the only trace");
    }

    /** Thread {@code i}: its start, then {@code reads} reads of its own object. */
    static List<List<Op>> startsThenReads(int threads, int reads) {
        List<List<Op>> m = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Op> ops = new ArrayList<>();
            ops.add(start());
            Object shared = X;
            for (int i = 0; i < reads; i++) {
                ops.add(r(shared));
            }
            m.add(ops);
        }
        return m;
    }

    @Test
    void threadStartsCommuteSoIndependentThreadsAreOneTrace() {
        // two threads of reads of one object, each after its start: one trace, one schedule
        Outcome two = assertCoversEveryTrace(startsThenReads(2, 6));
        assertEquals(1, two.completedRuns());
        // three threads of 20 reads: 63!/(21!^3) interleavings, still one trace
        Outcome three = dpor(startsThenReads(3, 20));
        assertEquals(1, three.completedRuns(), "one schedule for the only trace");
        assertEquals(1, three.traces().size());
    }

    @Test
    void aStartDoesNotHideARaceAfterIt() {
        // the orders of the X pair and of the Y pair are free: four traces
        List<List<Op>> m = List.of(List.of(start(), w(X), r(Y)), List.of(start(), r(X), w(Y)));
        assertEquals(4, allTraces(m).size());
        assertCoversEveryTrace(m);
    }

    @Test
    void twoWritesOfOneObjectFormTwoTraces() {
        List<List<Op>> m = List.of(List.of(w(X)), List.of(w(X)));
        assertEquals(2, allTraces(m).size());
        assertEquals(2, assertCoversEveryTrace(m).completedRuns());
    }

    @Test
    void readsCommuteWritesDoNot() {
        List<List<Op>> m = List.of(List.of(r(X), w(Y)), List.of(r(X), r(Y)), List.of(r(X)));
        Outcome o = assertCoversEveryTrace(m);
        assertTrue(o.completedRuns() < allSchedules(m).size(), o + " of " + allSchedules(m).size());
    }

    @Test
    void anUnknownTargetIsDependentOnEverything() {
        List<List<Op>> m = List.of(List.of(unknown(), w(X)), List.of(w(Y)));
        // T2's write is ordered against T1's unknown step but not against T1's write of X.
        assertEquals(2, allTraces(m).size());
        assertCoversEveryTrace(m);
    }

    @Test
    void randomSmallModelsHaveEveryTraceCovered() {
        Random rnd = new Random(20_05);
        Object[] targets = {X, Y, Z, null};
        Access[] accesses = Access.values();
        long dporRuns = 0;
        long interleavings = 0;
        for (int model = 0; model < 60; model++) {
            int n = 2 + rnd.nextInt(2);
            List<List<Op>> m = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                List<Op> ops = new ArrayList<>();
                int len = 1 + rnd.nextInt(3);
                for (int i = 0; i < len; i++) {
                    Object target = targets[rnd.nextInt(rnd.nextInt(8) == 0 ? 4 : 3)];
                    ops.add(new Op(target, target == null ? null : accesses[rnd.nextInt(3)]));
                }
                m.add(ops);
            }
            dporRuns += assertCoversEveryTrace(m).completedRuns();
            interleavings += allSchedules(m).size();
        }
        assertTrue(
                dporRuns < interleavings,
                dporRuns + " runs for " + interleavings + " interleavings");
    }
}
