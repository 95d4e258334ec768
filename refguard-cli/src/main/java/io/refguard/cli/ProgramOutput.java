package io.refguard.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Keeps the explored program's standard output off the command's: with {@code --json}, standard
 * output must hold exactly one JSON object, so while the program runs, what it prints to {@code
 * System.out} goes to the command's standard error instead.
 */
final class ProgramOutput {

    private ProgramOutput() {}

    /** Runs {@code work} with {@code System.out} sent to {@code err}, and restores it. */
    static <T> T toErr(PrintWriter err, Supplier<T> work) {
        PrintStream before = System.out;
        PrintStream redirected = new PrintStream(new ToWriter(err), true, StandardCharsets.UTF_8);
        System.setOut(redirected);
        try {
            return work.get();
        } finally {
            System.setOut(before);
            redirected.flush();
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
