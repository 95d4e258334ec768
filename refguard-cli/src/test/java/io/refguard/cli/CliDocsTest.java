package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that docs/CLI.md shows with its output ({@code $ ./refguard ...} in a {@code text}
 * block) is run, and each line shown must be printed, in order, on standard output or standard
 * error. Times, identity hashes and file paths are masked; a line {@code ...} stands for lines left
 * out.
 */
class CliDocsTest {

    private static final Path CLI_MD = Path.of("..", "docs", "CLI.md");

    /** One command shown in the document with the lines it prints. */
    record Shown(String command, List<String> lines) {}

    @Test
    void everyShownCommandPrintsWhatTheDocumentShows(@TempDir Path dir) throws IOException {
        List<Shown> shown = shown(Files.readString(CLI_MD, StandardCharsets.UTF_8));
        assertFalse(shown.size() < 6, "the document shows commands: " + shown);
        List<String> problems = new ArrayList<>();
        for (Shown s : shown) {
            String[] args = s.command().substring("./refguard ".length()).split(" +");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--classpath")) {
                    // the document's paths are from the repository's root; the test runs in the
                    // module
                    args[i + 1] =
                            java.nio.file.Path.of("..").resolve(args[i + 1]).normalize().toString();
                }
                if (args[i].equals("--html")) {
                    args[i + 1] = dir.resolve(args[i + 1]).toString(); // not into the module
                }
            }
            Cli.Result r = Cli.run(args);
            String missing = firstMissing(s.lines(), r);
            if (missing != null) {
                problems.add(
                        "$ "
                                + s.command()
                                + "\n  the document shows: "
                                + missing
                                + "\n  it printed:\n"
                                + r.out()
                                + r.err());
            }
        }
        if (!problems.isEmpty()) {
            fail(
                    "docs/CLI.md shows output that the command no longer prints; paste the current output:\n\n"
                            + String.join("\n\n", problems));
        }
    }

    static List<Shown> shown(String doc) {
        List<Shown> out = new ArrayList<>();
        boolean inText = false;
        String command = null;
        List<String> lines = new ArrayList<>();
        for (String line : doc.split("\n", -1)) {
            String t = line.strip();
            if (!inText) {
                inText = t.equals("```text");
                continue;
            }
            if (t.startsWith("```") || t.startsWith("$ ")) {
                if (command != null) {
                    out.add(new Shown(command, List.copyOf(lines)));
                }
                command = null;
                lines.clear();
                if (t.startsWith("```")) {
                    inText = false;
                } else if (t.startsWith("$ ./refguard ")) {
                    command = t.substring(2);
                }
                continue;
            }
            if (command != null) {
                lines.add(t);
            }
        }
        return out;
    }

    /** The first shown line not printed in order, or null when all were. */
    private static String firstMissing(List<String> shown, Cli.Result r) {
        List<String> out = normalized(r.out());
        List<String> err = normalized(r.err());
        int o = 0;
        int e = 0;
        for (String line : shown) {
            if (line.equals("...") || line.isEmpty()) {
                continue;
            }
            String want = normalize(line);
            int i = indexFrom(out, want, o);
            if (i >= 0) {
                o = i + 1;
                continue;
            }
            int j = indexFrom(err, want, e);
            if (j >= 0) {
                e = j + 1;
                continue;
            }
            return line;
        }
        return null;
    }

    private static int indexFrom(List<String> lines, String want, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).equals(want)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> normalized(String text) {
        List<String> out = new ArrayList<>();
        for (String l : Arrays.asList(text.split("\\R"))) {
            out.add(normalize(l));
        }
        return out;
    }

    static String normalize(String line) {
        return line.replaceAll("\\d+(\\.\\d+)? m?s\\b", "<time>")
                .replaceAll(
                        "Object\\.wait0\\b", "Object.wait") // JDK 21+ names the native frame wait0
                .replaceAll("\"millis\":\\d+", "\"millis\":<n>")
                .replaceAll("@[0-9a-f]{4,}", "@<hash>")
                .replaceAll("written to \\S+", "written to <file>")
                .replaceAll("[\\s|-]+", " ")
                .strip();
    }
}
