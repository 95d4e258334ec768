package io.refguard.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code refguard} command: its subcommands, and how errors become exit statuses. */
@Command(name = "refguard", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Finds object-lifetime bugs in concurrent Java: runs the seed cases, explores"
                + " scenario classes and programs, replays schedules.",
        subcommands = {CasesCommand.class, ExploreCommand.class, ReplayCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing found (cases: every case met its expectation)",
                "1:a bug was found (cases: a case missed its expectation)",
                "2:usage error, or the class or token cannot be used as given",
                "3:internal error",
                "4:inconclusive: refguard could not control the program (the message says why)"})
final class RefguardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: cases, explore or replay (refguard help for details)");
    }

    /**
     * Runs {@code args} with output to {@code out} and messages to {@code err}.
     *
     * @return the exit status
     */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new RefguardCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("refguard: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run 'refguard help" + commandName(ex.getCommandLine()) + "' for the options.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
                err.println("refguard: " + ex.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            err.println("refguard: internal error, please report it with the command line and this trace:");
            ex.printStackTrace(err);
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl.execute(args);
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : " " + cl.getCommandName();
    }

    /**
     * A problem with what the user asked for, not with refguard: the message says what is wrong
     * and what to do; the command exits with {@link ExitCodes#USAGE}.
     */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
