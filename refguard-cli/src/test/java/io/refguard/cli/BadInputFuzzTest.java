package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad input: every one must end with exit status 2 and exactly one line on standard
 * error, with no stack trace and nothing on standard output. Runs the command in this JVM, so
 * hundreds of cases take a few seconds; every case fails before anything is explored.
 */
class BadInputFuzzTest {

    private static final String CLASS = "example.cli.CheckThenClose";

    private static final String[] BAD_DURATIONS = {
        "",
        " ",
        "soon",
        "-1s",
        "0ms",
        "0s",
        "0",
        "PT0S",
        "-PT1S",
        "9223372036854775807s",
        "9223372036854775807ms",
        "153722867280912931m",
        "PT2562047788015215H",
        "99999999999999999999s",
        "1e3s",
        "1.5s",
        "ms",
        "s",
        "m",
        "PT",
        "P1D1",
        "366d",
        "P366D",
        "PT8761H",
        "1h",
        "1 minute",
        "∞",
        "0x10s",
        "--1s",
        "NaN"
    };
    private static final String[] DURATION_OPTIONS = {"--max-time", "--run-timeout"};
    private static final String[] BAD_COUNTS = {
        "",
        "-1",
        "0",
        "abc",
        "1.5",
        "99999999999999999999",
        "0x10",
        "1_000",
        "+",
        "1e9",
        "-9223372036854775808"
    };
    private static final String[] COUNT_OPTIONS = {"--max-runs", "--max-steps", "--pct-depth"};
    private static final String[] REPEATABLE = {
        "--max-runs",
        "--max-steps",
        "--pct-depth",
        "--seed",
        "--preemption-bound",
        "--strategy",
        "--max-time",
        "--run-timeout",
        "--shard",
        "--class",
        "--classpath"
    };

    @TempDir Path dir;

    @Test
    void everyBadInputIsOneLineAndExitTwo() throws IOException {
        List<String[]> cases = generate();
        assertTrue(cases.size() >= 500, "only " + cases.size() + " cases");
        List<String> wrong = new ArrayList<>();
        for (String[] args : cases) {
            Cli.Result r = Cli.run(args);
            String problem = check(r);
            if (problem != null) {
                wrong.add(
                        String.join(" ", args)
                                + " -> "
                                + problem
                                + (wrong.isEmpty()
                                        ? "\n" + r
                                        : " | " + r.err().lines().findFirst().orElse("")));
            }
        }
        assertEquals(
                List.of(),
                wrong,
                wrong.size() + " of " + cases.size() + " bad inputs were mishandled");
    }

    @Test
    void badCheckerAndExplorerPropertiesAreOneLineToo() {
        String[][] properties = {
            {"refguard.explore.maxTime", "9223372036854775807s"},
            {"refguard.explore.maxTime", "soon"},
            {"refguard.explore.runTimeout", "PT2562047788015215H"},
            {"refguard.explore.maxSteps", "4294967297"},
            {"refguard.explore.maxRuns", "-1"},
            {"refguard.explore.strategy", "dfs"},
            {"refguard.explore.preemptionBound", "x"},
            {"refguard.explore.seed", "seed"},
            {"refguard.explore.shard", "0/2"},
            {"refguard.explore.shard", "3"},
        };
        for (String[] p : properties) {
            String before = System.getProperty(p[0]);
            System.setProperty(p[0], p[1]);
            try {
                Cli.Result r = Cli.run("explore", "--class", CLASS);
                String problem = check(r);
                assertEquals(null, problem, () -> p[0] + "=" + p[1] + ": " + r);
                assertTrue(r.err().contains(p[0]), r::toString);
            } finally {
                if (before == null) {
                    System.clearProperty(p[0]);
                } else {
                    System.setProperty(p[0], before);
                }
            }
        }
    }

    /** What is wrong with the command's response to bad input, or null. */
    private static String check(Cli.Result r) {
        if (r.status() != 2) {
            return "exit " + r.status();
        }
        if (!r.out().isEmpty()) {
            return "output on stdout";
        }
        List<String> lines = r.err().lines().toList();
        if (lines.size() != 1) {
            return lines.size() + " lines on stderr";
        }
        String line = lines.get(0);
        if (!line.startsWith("refguard: ") || line.length() < 30) {
            return "not a refguard message";
        }
        if (line.contains("\tat ")
                || line.contains("Exception in thread")
                || line.contains("internal error")) {
            return "a stack trace or an internal error";
        }
        if (line.length() > 400) {
            return "a line of " + line.length() + " characters";
        }
        return null;
    }

    private List<String[]> generate() throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String option : DURATION_OPTIONS) {
            for (String d : BAD_DURATIONS) {
                out.add(new String[] {"explore", "--class", CLASS, option, d});
                out.add(new String[] {"explore", option, d, "--class", CLASS, "--json"});
            }
        }
        for (String option : COUNT_OPTIONS) {
            for (String n : BAD_COUNTS) {
                out.add(new String[] {"explore", "--class", CLASS, option, n});
            }
        }
        Random r = new Random(365);
        for (int i = 0; i < 160; i++) {
            String option = DURATION_OPTIONS[i % 2];
            out.add(new String[] {"explore", "--class", CLASS, option, randomBadDuration(r)});
        }
        out.add(new String[] {"explore", "--class", CLASS, "--max-steps", "2147483648"});
        out.add(new String[] {"explore", "--class", CLASS, "--pct-depth", "2147483648"});
        for (int i = 0; i < 60; i++) {
            long n = i % 2 == 0 ? -1 - (r.nextLong() >>> 1) : 1_000_001 + (r.nextLong() >>> 2);
            out.add(
                    new String[] {
                        "explore",
                        "--class",
                        CLASS,
                        i % 3 == 0 ? "--max-runs" : "--max-steps",
                        String.valueOf(i % 3 == 0 ? -Math.abs(n) - 1 : n)
                    });
        }
        for (String n : new String[] {"-1", "abc", "1.5", "99999999999", "", "nonе"}) {
            out.add(new String[] {"explore", "--class", CLASS, "--preemption-bound", n});
        }
        for (String n : new String[] {"abc", "1.5", "99999999999999999999", "", "0x"}) {
            out.add(new String[] {"explore", "--class", CLASS, "--seed", n});
        }
        for (String s : new String[] {"bfs", "", "EXHAUSTIVEE", "random1", "dpor pct", "--json"}) {
            out.add(new String[] {"explore", "--class", CLASS, "--strategy", s});
        }
        for (String option : REPEATABLE) {
            String v =
                    switch (option) {
                        case "--strategy" -> "random";
                        case "--max-time", "--run-timeout" -> "1s";
                        case "--class" -> CLASS;
                        case "--classpath" -> dir.toString();
                        case "--shard" -> "1/2";
                        default -> "3";
                    };
            out.add(new String[] {"explore", "--class", CLASS, option, v, option, v});
            out.add(new String[] {"explore", option, v, option, v, "--class", CLASS, "--json"});
        }
        for (String unknown :
                new String[] {"--max-run", "--foo", "-x", "--jsn", "--seeds", "--class-path"}) {
            out.add(new String[] {"explore", "--class", CLASS, unknown, "1"});
        }
        out.add(new String[] {"explore"});
        out.add(new String[] {"explore", "--class"});
        out.add(new String[] {"nonsense"});
        out.add(new String[] {"replay"});
        out.add(new String[] {"cases", "--variant", "both"});
        out.add(new String[] {"cases", "no-such-case"});
        shards(out, r);
        classPaths(out);
        tokens(out);
        return out;
    }

    /** Bad {@code --shard} values, a shard of a search that cannot be split, bad merge input. */
    private void shards(List<String[]> out, Random r) throws IOException {
        for (String s :
                new String[] {
                    "0/2",
                    "3/2",
                    "2/0",
                    "0/0",
                    "1",
                    "1/",
                    "/1",
                    "1/2/3",
                    "-1/2",
                    "1/-2",
                    "a/b",
                    "1.0/2",
                    "1/10001",
                    "2147483648/2147483649",
                    "",
                    " ",
                    "1 2",
                    "1\\2",
                    "½/2"
                }) {
            out.add(new String[] {"explore", "--class", CLASS, "--shard", s});
        }
        for (int i = 0; i < 40; i++) {
            int n = 1 + r.nextInt(20);
            int k =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> n + 1 + r.nextInt(5);
                        case 2 -> -r.nextInt(5) - 1;
                        default -> n;
                    };
            String text = i % 4 == 3 ? k + "/" + (10_001 + r.nextInt(100_000)) : k + "/" + n;
            out.add(new String[] {"explore", "--class", CLASS, "--shard", text, "--json"});
        }
        out.add(new String[] {"explore", "--class", CLASS, "--strategy", "dpor", "--shard", "1/2"});
        out.add(new String[] {"merge"});
        out.add(new String[] {"merge", dir.resolve("no-such.json").toString()});
        out.add(new String[] {"merge", dir.toString()});
        String[] garbage = {
            "",
            "{",
            "[]",
            "null",
            "{}",
            "{\"case\":1}",
            "{\"verdict\":\"verified\"}",
            "{\"case\":\"x\",\"verdict\":\"verified\",\"schedules\":1,\"millis\":1,"
                    + "\"strategy\":\"s\",\"shard\":{\"index\":3,\"count\":2}}",
            "{\"case\":\"x\",\"verdict\":\"maybe\",\"schedules\":1,\"millis\":1,"
                    + "\"strategy\":\"s\",\"shard\":{\"index\":1,\"count\":1}}",
            "{\"case\":\"x\",\"verdict\":\"clean\",\"schedules\":-1,\"millis\":1,"
                    + "\"strategy\":\"s\",\"shard\":{\"index\":1,\"count\":1}}",
            "{\"a\":\"\\x\"}",
            "\"text\"",
            "{} {}",
            "\u0000"
        };
        for (int i = 0; i < garbage.length; i++) {
            Path f = Files.writeString(dir.resolve("garbage-" + i + ".json"), garbage[i]);
            out.add(new String[] {"merge", f.toString()});
        }
        for (int i = 0; i < 30; i++) {
            byte[] bytes = new byte[1 + r.nextInt(200)];
            r.nextBytes(bytes);
            Path f = Files.write(dir.resolve("random-" + i + ".json"), bytes);
            out.add(new String[] {"merge", f.toString(), "--json"});
        }
    }

    /** A duration that is malformed, not positive, or longer than 365 days. */
    private static String randomBadDuration(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return (31_536_001L + (r.nextLong() >>> 2)) + "s";
            case 1:
                return (31_536_000_001L + (r.nextLong() >>> 2)) + "ms";
            case 2:
                return (525_601L + (r.nextLong() >>> 8)) + "m";
            case 3:
                return "-" + r.nextInt(1000) + (r.nextBoolean() ? "s" : "ms");
            default:
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 1 + r.nextInt(6); i++) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
                return sb.toString().replaceAll("[msp]", "x"); // never a unit or ISO prefix
        }
    }

    private void classPaths(List<String[]> out) throws IOException {
        List<String> paths =
                new ArrayList<>(
                        List.of(
                                "/no/such/dir",
                                dir.resolve("missing.jar").toString(),
                                "/dev/null",
                                "bad\u0000path",
                                dir + "/x:/no/such/other"));
        Path fifo = dir.resolve("pipe");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            if (p.waitFor() == 0) {
                paths.add(fifo.toString()); // a FIFO would block the class loader forever
            }
        } catch (IOException | InterruptedException e) {
            // no mkfifo here: the other paths still run
        }
        Path notAClass = dir.resolve("example/cli/Garbage.class");
        Files.createDirectories(notAClass.getParent());
        Files.write(
                notAClass,
                new byte[] {
                    (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2, 3
                });
        for (String p : paths) {
            out.add(new String[] {"explore", "--class", CLASS, "--classpath", p});
            out.add(
                    new String[] {
                        "replay", token(new int[] {0, 1}), "--class", CLASS, "--classpath", p
                    });
        }
        out.add(
                new String[] {
                    "explore", "--class", "example.cli.Garbage", "--classpath", dir.toString()
                });
        out.add(new String[] {"explore", "--class", "example.cli.NoSuchClass"});
        out.add(new String[] {"explore", "--class", "", "--json"});
        out.add(new String[] {"explore", "--class", "..", "--json"});
        out.add(new String[] {"explore", "--class", CLASS, "--include", "com.acme.*"});
    }

    private static void tokens(List<String[]> out) {
        Random r = new Random(20261130);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 120; i++) {
            StringBuilder sb = new StringBuilder(i % 3 == 0 ? "" : "rg1-");
            int len = 1 + r.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(new String[] {"replay", sb.toString(), "--class", CLASS});
        }
        for (String t :
                new String[] {
                    "",
                    "rg1-",
                    "rg2-AAAA",
                    "rg1-!!!!",
                    "RG1-AAAAAAAAAAAAAA",
                    "rg1-AAAAAAAAAAAAAAAAAAAA="
                }) {
            out.add(new String[] {"replay", t, "--class", CLASS});
        }
        // well-formed tokens with a valid checksum whose content is out of range
        int[][] forged = {
            {0, 50_000_000},
            {0, 600_000, 1, 600_000},
            {64, 1},
            {0, 0},
            {99, 5, 0, 1},
            {0, 1_000_001}
        };
        for (int[] blocks : forged) {
            out.add(new String[] {"replay", token(blocks), "--class", CLASS});
            out.add(new String[] {"replay", token(blocks), "--class", CLASS, "--json"});
        }
        // valid tokens damaged by one flipped character
        String good = token(new int[] {0, 2, 1, 3, 0, 1});
        for (int i = 4; i < good.length(); i++) {
            char c = good.charAt(i);
            String damaged = good.substring(0, i) + (c == 'A' ? 'B' : 'A') + good.substring(i + 1);
            out.add(new String[] {"replay", damaged, "--class", CLASS});
        }
        for (int cut = 5; cut < good.length(); cut += 2) {
            out.add(new String[] {"replay", good.substring(0, cut), "--class", CLASS});
        }
    }

    /** A token with a valid checksum for fingerprint 7 and the given {thread, length} blocks. */
    static String token(int[] blocks) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(1);
        out.writeBytes(new byte[] {0, 0, 0, 7});
        varint(out, blocks.length / 2);
        for (int b : blocks) {
            varint(out, b);
        }
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        int c = (int) crc.getValue();
        out.writeBytes(
                new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return "rg1-" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static void varint(java.io.ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    @Test
    void aThrowingStaticInitializerIsBlamedOnTheInitializer() {
        Cli.Result r = Cli.run("explore", "--class", "example.cli.BrokenInit");
        assertEquals(2, r.status(), r::toString);
        assertTrue(
                r.err()
                        .contains(
                                "the static initializer of class example.cli.BrokenInit threw"
                                        + " java.lang.IllegalStateException: no config"),
                r::toString);
        assertFalse(r.err().contains("Java 17"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
    }
}
