package io.refguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command in this JVM and captures what it printed. */
final class Cli {

    /** What one command printed, and its exit status. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                RefguardCommand.execute(
                        new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }
}
