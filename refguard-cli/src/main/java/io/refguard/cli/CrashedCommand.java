package io.refguard.cli;

import io.refguard.explore.replay.ReplayToken;
import io.refguard.explore.runtime.FlightRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code refguard crashed FILE}: the replay token of the run that was in progress when an
 * exploration's JVM died, from the flight record the exploration kept ({@code
 * -Drefguard.explore.flightRecord=FILE}). The {@code refguard} script keeps one for every
 * exploration and has the JVM run this when it dies of a fatal error ({@code -XX:OnError}), as a
 * native use after free makes it.
 */
@Command(
        name = "crashed",
        sortOptions = false,
        description = {
            "Prints the replay token of the run in progress when an exploration's JVM died, from"
                    + " its flight record (-Drefguard.explore.flightRecord=FILE; the refguard"
                    + " script keeps one, and the JVM runs this on a fatal error). Exit 1 with"
                    + " the token, 2 when"
                    + " the file records no run in progress (0 with --quiet)."
        })
final class CrashedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The flight record of the exploration.")
    Path file;

    @Option(
            names = "--exit",
            paramLabel = "STATUS",
            description = "The exit status the JVM died with, to name its signal.")
    Integer exit;

    @Option(
            names = "--quiet",
            description = "Print nothing, and exit 0, when the file records no run in progress.")
    boolean quiet;

    @Option(names = "--delete", description = "Delete the file once read.")
    boolean delete;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        FlightRecord.Crash crash;
        try {
            crash = FlightRecord.read(file);
            if (delete) {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new RefguardCommand.UserError("cannot read " + file + ": " + e, e);
        }
        if (crash == null) {
            if (quiet) {
                return ExitCodes.CLEAN;
            }
            throw new RefguardCommand.UserError(
                    file
                            + " records no run in progress: the exploration ended on its own (or"
                            + " is not a flight record)",
                    null);
        }
        int[] schedule = crash.schedule();
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "refguard: the JVM died"
                        + (exit == null ? "" : " (" + death(exit) + ")")
                        + " during run "
                        + crash.run()
                        + " of the exploration, after "
                        + schedule.length
                        + " steps of it"
                        + (crash.truncated() ? " (only the first are kept)" : "")
                        + ", before refguard could report it. A JVM dies so when code outside its"
                        + " checks fails: native memory used after it was freed, a fault in JNI"
                        + " code, the operating system's out-of-memory killer.");
        out.println("The schedule of that run, up to its last step:");
        out.println("Replay: " + ReplayToken.of(crash.fingerprint(), schedule).encode());
        out.println(
                "Replay it with the options you explored with (refguard replay TOKEN --class"
                        + " ...) to reach the crash again, under a debugger or with -Xcheck:jni;"
                        + " the JVM's own crash log (hs_err_pid*.log) names the native frame.");
        out.flush();
        return ExitCodes.BUG_FOUND;
    }

    /** An exit status above 128 as the signal that ended the JVM. */
    private static String death(int status) {
        switch (status) {
            case 1:
                return "exit 1, as after a fatal error when core dumps are off";
            case 134:
                return "SIGABRT, exit 134: a fatal error, such as a crash in native code";
            case 137:
                return "SIGKILL, exit 137: killed, such as by the out-of-memory killer";
            case 139:
                return "SIGSEGV, exit 139";
            default:
                return status > 128
                        ? "signal " + (status - 128) + ", exit " + status
                        : "exit " + status;
        }
    }
}
