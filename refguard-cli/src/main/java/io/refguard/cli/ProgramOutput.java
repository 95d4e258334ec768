package io.refguard.cli;

import io.refguard.explore.Coordinator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What the explored program prints to standard output while it is explored. An exploration runs the
 * program thousands of times, so its output is shown for the first run that prints only; what later
 * runs print is counted and left out, and a note says how much. Standard error is left as it is:
 * refguard's own warnings go there too. With {@code --json}, standard output must hold exactly one
 * JSON object, so the program's standard output goes to the command's standard error.
 */
final class ProgramOutput {

    private ProgramOutput() {}

    /**
     * Runs {@code work} with {@code System.out} showing the first printing run only, sent to {@code
     * err} when {@code toErr}; restores it after and notes on {@code err} what was left out.
     */
    static <T> T firstRun(PrintWriter err, boolean toErr, Supplier<T> work) {
        PrintStream out = System.out;
        FirstRun runs = new FirstRun();
        PrintStream shown =
                new PrintStream(
                        runs.filter(toErr ? new ToWriter(err) : out), true, StandardCharsets.UTF_8);
        System.setOut(shown);
        try {
            return work.get();
        } finally {
            System.setOut(out);
            shown.flush();
            long left = runs.linesLeftOut();
            if (left > 0) {
                err.println(
                        "refguard: note: the program's output is shown for its first run that"
                                + " printed; later runs printed "
                                + left
                                + (left == 1 ? " more line" : " more lines")
                                + ", left out");
                err.flush();
            }
        }
    }

    /** Which run's output is shown: the first run that printed (threads of no run always are). */
    private static final class FirstRun {
        private long shown;
        private long linesLeftOut;

        synchronized boolean show(byte[] b, int off, int len) {
            long run = Coordinator.runNumber();
            if (run < 0) {
                return true;
            }
            if (shown == 0) {
                shown = run;
            }
            if (run == shown) {
                return true;
            }
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    linesLeftOut++;
                }
            }
            return false;
        }

        synchronized long linesLeftOut() {
            return linesLeftOut;
        }

        OutputStream filter(OutputStream to) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (show(b, off, len)) {
                        try {
                            to.write(b, off, len);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }

                @Override
                public void flush() throws java.io.IOException {
                    to.flush();
                }
            };
        }
    }

    /** Bytes to a writer, decoded as UTF-8 a line (or a flush) at a time. */
    private static final class ToWriter extends OutputStream {
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        ToWriter(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            line.write(b, off, len);
            flush();
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                writer.print(line.toString(StandardCharsets.UTF_8));
                writer.flush();
                line.reset();
            }
        }
    }
}
