package io.refguard.cli;

import io.refguard.CheckMode;
import io.refguard.agent.explore.LostTaskFailures;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.report.FailureKind;
import io.refguard.run.Explored;
import io.refguard.run.Outcome;
import io.refguard.run.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refguard explore --class C}: explores a scenario class or a whole program and prints the
 * failure report, or what was explored. Exits 1 when a schedule failed, 4 when the exploration is
 * inconclusive, 0 otherwise.
 */
@Command(
        name = "explore",
        sortOptions = false,
        description = {
            "Explores a scenario class (public static Scenario<?> scenario()) or a program"
                    + " (main method): runs it under every schedule the strategy picks and reports the first"
                    + " that fails, with a replay token.",
            "Program arguments follow '--'."
        })
final class ExploreCommand implements Callable<Integer> {

    @Mixin TargetOptions target;

    @ArgGroup(exclusive = false, heading = "Search:%n")
    BudgetOptions budget = new BudgetOptions();

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = HtmlReport.DESCRIPTION)
    Path html;

    @Parameters(
            paramLabel = "ARG",
            arity = "0..*",
            description = "Arguments for the program's main method.")
    List<String> args = new ArrayList<>();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExploreOptions options =
                target.applyTo(budget.toOptions())
                        .progress(
                                line -> {
                                    err.println("refguard: " + line);
                                    err.flush();
                                });
        HtmlReport.checkWritable(html);
        try (Target t = target.resolve(args)) {
            err.println(
                    "exploring "
                            + t.name()
                            + " ("
                            + (t.kind() == Target.Kind.SCENARIO ? "scenario" : "program")
                            + ") ...");
            err.flush();
            Explored e = ProgramOutput.firstRun(err, json, () -> explore(t, options));
            Outcome o = Outcome.of(t.name(), e);
            print(
                    out,
                    o,
                    json,
                    options.shardIndex(),
                    budget.shard == null && options.shardCount() == 1 ? 0 : options.shardCount());
            out.flush();
            HtmlReport.write(
                    html,
                    e,
                    err,
                    e.failed() ? target.replayCommand(e.failure().replayToken(), args) : null);
            List<String> left = t.plainFieldsLeft();
            if (!e.failed() && !e.inconclusive() && !left.isEmpty()) {
                err.println(
                        "refguard: hint: accesses to plain (non-volatile, non-final) fields were not"
                                + " scheduling points, so a race on one was not explored (fields"
                                + " the explored classes use: "
                                + String.join(", ", left.subList(0, Math.min(3, left.size())))
                                + (left.size() > 3 ? " and " + (left.size() - 3) + " more" : "")
                                + "); explore again with --plain-fields to interleave them");
                err.flush();
            }
            ExploreOptions.Strategy searched = e.options().strategy();
            if (!e.failed()
                    && !e.inconclusive()
                    && !e.exhausted()
                    && (searched == ExploreOptions.Strategy.DEFAULT
                            || searched == ExploreOptions.Strategy.EXHAUSTIVE)) {
                err.println(
                        "refguard: hint: the budget ended the search before it covered its bound;"
                                + " for a program of at most 64 threads (DPOR's limit), --strategy"
                                + " dpor runs one schedule of each class of schedules that differ"
                                + " only in the order of independent steps, and often covers the"
                                + " same bound in far fewer runs; with more, give the search a"
                                + " larger --max-time");
                err.flush();
            }
            List<String> libraries = t.librariesLeftOut();
            if (!e.failed() && !e.inconclusive() && !libraries.isEmpty()) {
                String named =
                        libraries.size() <= 6
                                ? String.join(", ", libraries)
                                : String.join(", ", libraries.subList(0, 6))
                                        + " and "
                                        + (libraries.size() - 6)
                                        + " more";
                err.println(
                        "refguard: hint: "
                                + named
                                + (libraries.size() == 1 ? " was" : " were")
                                + " loaded but not instrumented, so no interleaving inside it"
                                + " was explored: its locks, fields and threads ran as plain"
                                + " code (a mock stubbed while another thread calls it, a cache"
                                + " updated by two threads). Set such state up before the"
                                + " threads start, or name the package in --include (runs may"
                                + " then differ, if the library sets itself up once)");
                err.flush();
            }
            long shortWaits = t.shortTimedWaits();
            if (!e.failed() && !e.inconclusive() && shortWaits > 0) {
                err.println(
                        "refguard: hint: waits for another thread with timeouts of at most 1 s ("
                                + shortWaits
                                + " over all runs) timed out only when no other thread could go"
                                + " on; explore again with --timeouts safety-nets to also let each"
                                + " time out at once, as if the other threads were slow (a thread's"
                                + " own failed assertion right after such a timeout is taken as a"
                                + " safety net; --timeouts early reports it too)");
                err.flush();
            }
            long safetyNets = t.expiredSafetyNets();
            if (!e.failed() && !e.inconclusive() && safetyNets > 0) {
                err.println(
                        "refguard: note: in "
                                + safetyNets
                                + (safetyNets == 1 ? " run" : " runs")
                                + " a thread failed its own assertion right after refguard let one"
                                + " of its timed waits of at most 1 s expire while other threads"
                                + " could still go on (first: "
                                + t.firstExpiredSafetyNet()
                                + "). Such a timeout is a safety net the program set, so these"
                                + " runs are not reported as bugs; --timeouts early reports"
                                + " them");
                err.flush();
            }
            LostTaskFailures lost = t.lostTaskFailures();
            if (!e.failed() && !e.inconclusive() && lost.runs() > 0) {
                err.println("refguard: hint: " + lost.describe());
                err.flush();
            }
            if (e.inconclusive() && e.inconclusiveCause().kind() == FailureKind.NOT_INSTRUMENTED) {
                err.println(
                        "refguard: hint: only --include "
                                + String.join(",", target.includePatterns())
                                + " is instrumented; widen it to the packages of the code the threads run");
                err.flush();
            }
            return ExitCodes.of(o);
        }
    }

    /**
     * Explores, the checker tracking every object meanwhile (so that reports name the sites of what
     * a scenario's setup creates, and no decision depends on sampling), turning the explorer's
     * complaints about the scenario into usage errors.
     */
    static Explored explore(Target t, ExploreOptions options) {
        try {
            return Explored.run(t, options, CheckMode.TRACKED);
        } catch (IllegalStateException e) {
            throw new RefguardCommand.UserError(e.getMessage(), e);
        }
    }

    /** The report of a failure, or a line saying what was explored; or the JSON object. */
    static void print(PrintWriter out, Outcome o, boolean json) {
        print(out, o, json, 1, 0);
    }

    /**
     * As {@link #print(PrintWriter, Outcome, boolean)}, for shard {@code index} of {@code count}.
     */
    static void print(PrintWriter out, Outcome o, boolean json, int index, int count) {
        if (json) {
            out.println(Json.object(o, index, count));
        } else if (o.table() != null) {
            out.print(o.table());
        } else {
            out.println(
                    "No failure: "
                            + o.schedules()
                            + (o.schedules() == 1 ? " run" : " runs")
                            + ", "
                            + o.choicePoints()
                            + (o.choicePoints() == 1 ? " choice point" : " choice points")
                            + ", in "
                            + SummaryTable.millis(o.millis())
                            + "; "
                            + o.guarantee()
                            + ".");
        }
        out.flush();
    }
}
