package io.refguard.cli;

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
        PrintWriter out = spec.commandLine().getOut();
        HtmlReport.checkWritable(html);
        try (Target t = target.resolve(args)) {
            ExploreOptions replay = ExploreOptions.replay(token.strip());
            Explored e =
                    json
                            ? ProgramOutput.toErr(
                                    spec.commandLine().getErr(),
                                    () -> ExploreCommand.explore(t, replay))
                            : ExploreCommand.explore(t, replay);
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
            HtmlReport.write(html, e, spec.commandLine().getErr());
            return ExitCodes.of(o);
        }
    }
}
