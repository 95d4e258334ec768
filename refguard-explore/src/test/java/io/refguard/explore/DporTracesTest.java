package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.RefCounted;
import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.strategy.Dependence;
import io.refguard.explore.strategy.Search;
import io.refguard.explore.sync.SharedInt;
import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Partial-order reduction against brute force on real scenarios (the explorer's runtime, its locks
 * and waits, refguard-core's counts), where the abstract models of {@code search.DporTraceTest}
 * cannot reach: every Mazurkiewicz trace the exhaustive search runs within a bound must be run by
 * DPOR within the same bound. A trace is told by the runs' steps, each kept as its thread, its
 * index in the thread and the latest step of every other thread it depends on ({@link Dependence}),
 * summed over the run as an order-free hash.
 *
 * <p>The page scenario fails when a step touches more than its point announces: a release that read
 * the count in the step of the previous point (the close of a reference, whose point names the
 * reference) looked independent of another thread's acquire, and DPOR ran one order only. The
 * read-ahead scenario has threads that wait for each other through a monitor; it passes with races
 * checked only for threads that can run as well, although the seed case it follows needed the
 * blocked ones checked too (see docs/BENCHMARKS.md).
 *
 * <p>A lock attempt that only blocked is no step of a trace: it changes nothing, and the same
 * thread takes the lock in a later step.
 */
class DporTracesTest {

    /** A count and a monitor shared by three threads, as the seed cases' buffers have. */
    static final class Page extends RefCounted<Page> {
        final Object monitor = new Object();
        final SharedInt ready = new SharedInt("ready", 0);
        int uses;

        @Override
        protected void deallocate() {}
    }

    /**
     * A reader that decides on the count, a releaser, and a waiter on a monitor that the releaser
     * signals: reads of the count without a step of their own, and a thread blocked on the monitor.
     */
    static Scenario<Page> page() {
        return readerAndReleaser()
                .actor(
                        "waiter",
                        p -> {
                            Coordinator.lock(p.monitor);
                            while (p.ready.get() == 0) {
                                Coordinator.await(p.monitor, p.monitor);
                            }
                            if (p.isAlive()) {
                                p.uses += p.ready.get(); // a step only while it lives
                            }
                            Coordinator.unlock(p.monitor);
                        });
    }

    /** The reader and the releaser alone. */
    static Scenario<Page> readerAndReleaser() {
        return Explorer.scenario("page")
                .setup(Page::new)
                .actor(
                        "reader",
                        p -> {
                            Coordinator.lock(p.monitor);
                            if (p.refCount() == 1) {
                                p.uses += p.ready.get(); // a step only when the count was 1
                            }
                            Coordinator.unlock(p.monitor);
                        })
                .actor(
                        "releaser",
                        p -> {
                            p.ready.set(1);
                            p.tryAcquire().close();
                            Coordinator.lock(p.monitor);
                            Coordinator.signalAll(p.monitor, p.monitor);
                            Coordinator.unlock(p.monitor);
                            p.close();
                        });
    }

    /** A page lock built from a monitor and a flag, as a kernel's page lock: waits while held. */
    static final class Locked {
        final Object monitor = new Object();
        final SharedInt held = new SharedInt("held", 0);
        final SharedInt io = new SharedInt("io", 0);
        final SharedInt refs = new SharedInt("refs", 2);

        void lock() throws InterruptedException {
            Coordinator.lock(monitor);
            while (held.get() == 1) {
                Coordinator.await(monitor, monitor);
            }
            held.set(1);
            Coordinator.unlock(monitor);
        }

        void unlock() {
            Coordinator.lock(monitor);
            held.set(0);
            Coordinator.signalAll(monitor, monitor);
            Coordinator.unlock(monitor);
        }
    }

    /**
     * Read-ahead against reclaim, after the readahead seed case: the reader locks the page, starts
     * an I/O whose completion (another thread) unlocks it, and the reclaimer waits for the page
     * lock and then decides on the I/O count: threads blocked in a wait race with steps taken while
     * they wait.
     */
    static Scenario<Locked> readahead() {
        return Explorer.scenario("readahead")
                .setup(Locked::new)
                .actor(
                        "read-ahead",
                        l -> {
                            l.lock();
                            l.io.set(1);
                            Coordinator.spawn(
                                    "end_io",
                                    () -> {
                                        l.io.set(0);
                                        l.unlock();
                                    });
                            l.refs.set(1); // drops its reference while the I/O runs
                        })
                .actor(
                        "reclaim",
                        l -> {
                            l.lock();
                            if (l.refs.get() == 1) {
                                l.io.set(2); // a step only after the reader's drop
                            }
                            l.unlock();
                        });
    }

    @Test
    void boundedDporRunsEveryTraceOfThreadsThatWaitForEachOther() {
        for (int bound = 0; bound <= 2; bound++) {
            assertCovers(readahead(), bound);
        }
    }

    @Test
    void boundedDporRunsEveryTraceTheExhaustiveSearchRunsWithinTheBound() {
        for (int bound = 0; bound <= 3; bound++) {
            assertCovers(page(), bound);
        }
    }

    private static void assertCovers(Scenario<?> s, int bound) {
        {
            Traces all = traces(s, ExploreOptions.exhaustive().preemptionBound(bound));
            Traces reduced = traces(s, ExploreOptions.dpor().preemptionBound(bound));
            Set<Long> missed = new HashSet<>(all.keys);
            missed.removeAll(reduced.keys);
            assertTrue(
                    missed.isEmpty(),
                    "bound "
                            + bound
                            + ": DPOR ran "
                            + reduced.keys.size()
                            + " of the "
                            + all.keys.size()
                            + " traces the exhaustive search ran, in "
                            + reduced.runs
                            + " runs; one it missed: "
                            + all.example(missed));
            assertTrue(
                    reduced.runs <= all.runs,
                    "DPOR took " + reduced.runs + " runs, the exhaustive search " + all.runs);
        }
    }

    @Test
    void unboundedDporWithSleepSetsRunsEveryTrace() {
        Scenario<Page> two = readerAndReleaser();
        Traces all = traces(two, ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE));
        Traces reduced = traces(two, ExploreOptions.dpor().preemptionBound(Integer.MAX_VALUE));
        Set<Long> missed = new HashSet<>(all.keys);
        missed.removeAll(reduced.keys);
        assertEquals(
                Set.of(),
                missed,
                "DPOR ran "
                        + reduced.keys.size()
                        + " of "
                        + all.keys.size()
                        + " traces; one it missed: "
                        + all.example(missed));
        assertTrue(reduced.runs < all.runs, reduced.runs + " runs vs " + all.runs);
    }

    /** Explores {@code s} to the end with {@code options} and collects its runs' traces. */
    static Traces traces(Scenario<?> s, ExploreOptions options) {
        Traces t = new Traces();
        ExploreResult r =
                new ScenarioRunner<>(s, options.maxRuns(200_000))
                        .explore(search -> t.watch(search));
        assertTrue(r.exhausted(), r.toString());
        return t;
    }

    /** The traces of the completed runs of one search, each with one schedule that shows it. */
    static final class Traces implements Chooser {
        final Set<Long> keys = new HashSet<>();
        final List<Long> order = new ArrayList<>();
        final List<String> shown = new ArrayList<>();
        long runs;

        private Chooser inner;
        private final List<Object> targets = new ArrayList<>();
        private final List<Access> accesses = new ArrayList<>();
        private final List<Integer> threads = new ArrayList<>();
        private final List<Integer> indices = new ArrayList<>();
        private final int[] counts = new int[64];
        private final StringBuilder schedule = new StringBuilder();
        private long key;
        private long lastPart;
        private int lastLength;
        private int last = -1;
        private String lastLabel;

        String example(Set<Long> of) {
            for (int i = 0; i < order.size(); i++) {
                if (of.contains(order.get(i))) {
                    return shown.get(i);
                }
            }
            return "none";
        }

        Search watch(Search search) {
            return new Search() {
                @Override
                public boolean hasNextRun() {
                    return search.hasNextRun();
                }

                @Override
                public Chooser chooser() {
                    inner = search.chooser();
                    startRun();
                    return Traces.this;
                }

                @Override
                public void runFinished(RunStatus status, int preemptions, long scheduleHash) {
                    if (status == RunStatus.COMPLETED) {
                        runs++;
                        if (keys.add(key)) {
                            order.add(key);
                            shown.add(schedule.toString());
                        }
                    }
                    search.runFinished(status, preemptions, scheduleHash);
                }

                @Override
                public String divergence() {
                    return search.divergence();
                }

                @Override
                public long distinctSchedules() {
                    return search.distinctSchedules();
                }

                @Override
                public boolean exhausted() {
                    return search.exhausted();
                }

                @Override
                public boolean boundLimited() {
                    return search.boundLimited();
                }

                @Override
                public boolean randomized() {
                    return search.randomized();
                }

                @Override
                public String describe() {
                    return search.describe();
                }
            };
        }

        private void startRun() {
            targets.clear();
            accesses.clear();
            threads.clear();
            indices.clear();
            java.util.Arrays.fill(counts, 0);
            schedule.setLength(0);
            key = 0;
            last = -1;
        }

        @Override
        public int choose(ChoicePoint p) {
            if (last >= 0 && "lock".equals(lastLabel) && p.isLive(last) && !p.isEnabled(last)) {
                // the last step tried a lock another thread held and changed nothing: the same
                // thread's later step takes the lock, so the attempt is no step of the trace
                forgetLastStep();
            }
            int c = inner.choose(p);
            if (c >= 0) {
                record(p, c);
            }
            return c;
        }

        private void record(ChoicePoint p, int c) {
            Object target = Dependence.target(p, c);
            Access access = p.pendingAccess(c);
            int index = counts[c]++;
            long h = 31L * c + index;
            long seen = 0; // threads whose latest dependent step is already in h
            for (int k = targets.size() - 1; k >= 0; k--) {
                int u = threads.get(k);
                if (u == c || (seen & (1L << u)) != 0) {
                    continue;
                }
                if (Dependence.dependent(targets.get(k), accesses.get(k), target, access)) {
                    seen |= 1L << u;
                    h = h * 1_000_003L + u * 65_537L + indices.get(k);
                }
            }
            long z = h * 0x9E37_79B9_7F4A_7C15L;
            z ^= z >>> 31;
            z *= 0xC2B2_AE3D_27D4_EB4FL;
            z ^= z >>> 29;
            key += z; // a sum: equal for schedules of one trace, whatever their order
            lastPart = z;
            lastLength = schedule.length();
            schedule.append(p.threadName(c)).append(": ").append(p.pendingLabel(c)).append("; ");
            targets.add(target);
            accesses.add(access);
            threads.add(c);
            indices.add(index);
            last = c;
            lastLabel = p.pendingLabel(c);
        }

        private void forgetLastStep() {
            int k = targets.size() - 1;
            targets.remove(k);
            accesses.remove(k);
            threads.remove(k);
            indices.remove(k);
            counts[last]--;
            key -= lastPart;
            schedule.setLength(lastLength);
            last = -1;
        }
    }
}
