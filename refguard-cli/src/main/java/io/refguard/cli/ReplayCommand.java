package io.refguard.cli;

import io.refguard.agent.explore.TimeoutMode;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.replay.ReplayToken;
import io.refguard.run.Explored;
import io.refguard.run.Outcome;
import io.refguard.run.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refguard replay TOKEN --class C}: runs the one schedule a token encodes and prints its
 * report. Exits 1 when the schedule fails again, 0 when it now passes.
 */
@Command(
        name = "replay",
        sortOptions = false,
        description = {
            "Re-runs the one schedule of a replay token on a scenario class or program and"
                    + " prints its report. Program arguments follow '--'."
        })
final class ReplayCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "TOKEN",
            description = "The rg1-... token printed under a report.")
    String token;

    @Parameters(
            index = "1..*",
            paramLabel = "ARG",
            arity = "0..*",
            description = "Arguments for the program's main method, as when the token was made.")
    List<String> args = new ArrayList<>();

    @Mixin TargetOptions target;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = HtmlReport.DESCRIPTION)
    Path html;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        ReplayToken.decode(token); // a malformed token is a usage error before anything is loaded
        HtmlReport.checkWritable(html);
        try {
            return replay(target, null);
        } catch (RefguardCommand.UserError e) {
            if (!(e.getCause() instanceof IllegalStateException)
                    || !e.getMessage().contains("did not follow its schedule")) {
                throw e;
            }
            return replayWithOtherModes(e);
        }
    }

    /**
     * The token's schedule did not fit: when the exploration that made it ran with other modes
     * (plain fields as points or not, timeouts ordered or not), the program takes other steps,
     * which looks like a code change. Tries the other modes; replays with the first that fits, and
     * says so.
     */
    private Integer replayWithOtherModes(RefguardCommand.UserError diverged) {
        boolean program;
        try (Target t = target.resolve(args)) {
            program = t.kind() == Target.Kind.PROGRAM;
        }
        boolean plain = target.plainFields != null ? target.plainFields : program;
        TimeoutMode given =
                target.timeoutMode() != null ? target.timeoutMode() : TimeoutMode.DEFAULT;
        String timeouts = given.optionName();
        // early and safety-nets take the same steps; ordered takes others
        String otherTimeouts =
                given == TimeoutMode.ORDERED
                        ? TimeoutMode.SAFETY_NETS.optionName()
                        : TimeoutMode.ORDERED.optionName();
        List<TargetOptions> tries = new ArrayList<>();
        tries.add(target.withModes(!plain, timeouts));
        if (program) {
            tries.add(target.withModes(plain, otherTimeouts));
            tries.add(target.withModes(!plain, otherTimeouts));
        }
        for (TargetOptions other : tries) {
            List<String> changed = new ArrayList<>();
            if (other.plainFields != plain) {
                changed.add(other.plainFields ? "--plain-fields" : "--no-plain-fields");
            }
            if (!other.timeouts.equals(timeouts)) {
                changed.add("--timeouts " + other.timeouts);
            }
            String note =
                    "refguard: note: the token's schedule does not fit the options given, but"
                            + " fits "
                            + String.join(" ", changed)
                            + ", so the exploration that printed it must have run with "
                            + (changed.size() == 1 ? "that" : "those")
                            + ": replayed with "
                            + (changed.size() == 1 ? "it" : "them")
                            + " (give "
                            + (changed.size() == 1 ? "it" : "them")
                            + " to replay at once)";
            try {
                return replay(other, note);
            } catch (RefguardCommand.UserError e) {
                if (!(e.getCause() instanceof IllegalStateException)) {
                    throw e;
                }
            }
        }
        throw new RefguardCommand.UserError(
                diverged.getMessage()
                        + " Replaying with the other "
                        + (program ? "--plain-fields and --timeouts modes" : "--plain-fields mode")
                        + " did not fit either.",
                diverged.getCause());
    }

    /** Replays on the target {@code options} name; prints {@code note} first when it fits. */
    private Integer replay(TargetOptions options, String note) {
        PrintWriter out = spec.commandLine().getOut();
        try (Target t = options.resolve(args)) {
            ExploreOptions replay = options.applyTo(ExploreOptions.replay(token.strip()));
            Explored e =
                    ProgramOutput.firstRun(
                            spec.commandLine().getErr(),
                            json,
                            () -> ExploreCommand.explore(t, replay));
            if (note != null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(note);
                err.flush();
            }
            Outcome o = Outcome.of(t.name(), e);
            if (o.table() == null && !json) {
                out.println(
                        "The schedule of the token ran to the end without failing on "
                                + t.name()
                                + " ("
                                + SummaryTable.millis(o.millis())
                                + "): the bug it showed is gone, or the code"
                                + " changed since the token was made.");
                out.flush();
                return ExitCodes.CLEAN;
            }
            ExploreCommand.print(out, o, json);
            out.flush();
            HtmlReport.write(
                    html,
                    e,
                    spec.commandLine().getErr(),
                    options.replayCommand(token.strip(), args));
            return ExitCodes.of(o);
        }
    }
}
