package io.refguard.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code refguard} command: its subcommands, and how errors become exit statuses. */
@Command(
        name = "refguard",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description =
                "Finds object-lifetime bugs in concurrent Java: runs the seed cases, explores"
                        + " scenario classes and programs, replays schedules, merges shards.",
        subcommands = {
            CasesCommand.class,
            ExploreCommand.class,
            ReplayCommand.class,
            MergeCommand.class,
            CrashedCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:nothing found (cases: every case met its expectation)",
            "1:a bug was found (cases: a case missed its expectation; merge: by any shard)",
            "2:usage error, or the class, token or shard results cannot be used as given",
            "3:internal error",
            "4:inconclusive: refguard could not control the program (the message says why)"
        })
final class RefguardCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "name a command: cases, explore, replay or merge (refguard help for details)");
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
        cl.setParameterExceptionHandler(
                (ex, a) -> {
                    err.println(
                            "refguard: "
                                    + oneLine(usageMessage(ex))
                                    + " (see 'refguard help"
                                    + commandName(ex.getCommandLine())
                                    + "')");
                    err.flush();
                    return ExitCodes.USAGE;
                });
        cl.setExecutionExceptionHandler(
                (ex, commandLine, parsed) -> {
                    if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
                        err.println("refguard: " + oneLine(ex.getMessage()));
                        err.flush();
                        return ExitCodes.USAGE;
                    }
                    err.println(
                            "refguard: internal error, please report it with the command line and this trace:");
                    ex.printStackTrace(err);
                    err.flush();
                    return ExitCodes.INTERNAL;
                });
        return cl.execute(args);
    }

    /** picocli's message, in refguard's words where picocli's own are about its internals. */
    private static String usageMessage(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.OverwrittenOptionException) {
            CommandLine.Model.ArgSpec spec =
                    ((CommandLine.OverwrittenOptionException) ex).getOverwritten();
            String name =
                    spec instanceof CommandLine.Model.OptionSpec
                            ? ((CommandLine.Model.OptionSpec) spec).longestName()
                            : spec.paramLabel();
            return "option " + name + " was given more than once; give it once";
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            // an option of an argument group given twice: picocli reports the whole group
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("=\\{(--[\\w-]+)=").matcher(ex.getMessage());
            if (m.find()) {
                return "option " + m.group(1) + " was given more than once; give it once";
            }
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            List<String> suggestions =
                    ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
            if (!suggestions.isEmpty()) {
                return ex.getMessage() + "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        return ex.getMessage();
    }

    /** A message as one line: line breaks and the blanks around them become one space. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String commandName(CommandLine cl) {
        return cl.getParent() == null ? "" : " " + cl.getCommandName();
    }

    /**
     * A problem with what the user asked for, not with refguard: the message says what is wrong and
     * what to do; the command exits with {@link ExitCodes#USAGE}.
     */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
