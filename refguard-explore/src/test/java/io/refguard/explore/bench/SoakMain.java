package io.refguard.explore.bench;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.models.PointsModel;
import io.refguard.explore.sync.SharedInt;

/**
 * The long leak check, run by hand: a million runs (default) in explorations of 100,000 runs each,
 * alternating a points model with a model that spawns, blocks and fails, printing the number of
 * live threads and the heap in use after a GC at every step. Both must stay flat. {@code java -cp
 * <test classpath> io.refguard.explore.bench.SoakMain [totalRuns]}.
 */
public final class SoakMain {

    private SoakMain() {}

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long chunk = 100_000L;
        long done = 0;
        int round = 0;
        while (done < total) {
            long n = Math.min(chunk, total - done);
            ExploreResult r =
                    round++ % 2 == 0
                            ? PointsModel.scenario(2, 5)
                                    .explore(ExploreOptions.random().seed(round).maxRuns(n))
                            : blocking().explore(ExploreOptions.random().seed(round).maxRuns(n));
            done += r.runs();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    "%,10d runs  %3d threads  %,8d KiB heap used  (%.0f runs/s)%n",
                    done,
                    Thread.activeCount(),
                    (rt.totalMemory() - rt.freeMemory()) / 1024,
                    r.runsPerSecond());
        }
    }

    /** Spawns, joins, locks and waits on every run; never fails. */
    static io.refguard.explore.Scenario<SharedInt> blocking() {
        return Explorer.scenario("soak blocking")
                .setup(() -> new SharedInt("n", 0))
                .actor(
                        "T1",
                        n -> {
                            var child =
                                    Coordinator.spawn(
                                            "T3",
                                            () -> {
                                                Coordinator.lock(n);
                                                n.incrementAndGet();
                                                Coordinator.unlock(n);
                                            });
                            Coordinator.lock(n);
                            n.incrementAndGet();
                            Coordinator.unlock(n);
                            Coordinator.join(child);
                        })
                .actor("T2", n -> Coordinator.blockUntil(() -> n.peek() > 0, n, "wait for n"));
    }
}
