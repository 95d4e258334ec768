package io.refguard.explore;

import java.util.function.Supplier;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder event {@code io.refguard.ExplorationRun}: one per exploration of a
 * scenario, lasting as long as it did, with how it was explored and how it ended. On by default. A
 * runtime without the {@code jdk.jfr} module explores without it.
 */
@Name("io.refguard.ExplorationRun")
@Label("Exploration Run")
@Category({"refguard", "Explorer"})
@Description("One exploration of a scenario by refguard's interleaving explorer")
@StackTrace(false)
final class ExplorationRunEvent extends jdk.jfr.Event {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    @Label("Scenario")
    String scenario;

    @Label("Strategy")
    @Description("How the scenario was explored, e.g. exhaustive, preemption bound 2")
    String strategy;

    @Label("Outcome")
    @Description("failed, exhausted, max runs, max time or replayed")
    String outcome;

    @Label("Runs")
    long runs;

    @Label("Failure")
    @Description("Why the reported schedule failed, or empty")
    String failure;

    @Label("Preemptions")
    @Description("Preemptions in the failing schedule")
    int preemptions;

    @Label("Replay Token")
    String replayToken;

    /** Runs {@code exploration} of {@code scenario}, recording it when a recording wants it. */
    static ExploreResult around(String scenario, Supplier<ExploreResult> exploration) {
        if (!AVAILABLE) {
            return exploration.get();
        }
        ExplorationRunEvent e = new ExplorationRunEvent();
        if (!e.isEnabled()) {
            return exploration.get();
        }
        e.scenario = scenario;
        e.begin();
        try {
            ExploreResult r = exploration.get();
            e.strategy = r.strategy();
            e.outcome = r.stop().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            e.runs = r.runs();
            return r;
        } catch (InterleavingFailure f) {
            e.strategy = f.report().foundBy();
            e.outcome = "failed";
            e.runs = f.report().runs();
            e.failure = f.report().failure() == null ? null : f.report().failure().summary();
            e.preemptions = f.report().preemptions();
            e.replayToken = f.replayToken();
            throw f;
        } catch (RuntimeException | Error x) {
            e.outcome = "error: " + x;
            throw x;
        } finally {
            e.commit();
        }
    }
}
