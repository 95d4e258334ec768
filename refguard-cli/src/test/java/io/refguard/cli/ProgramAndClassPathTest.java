package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refguard explore} on a whole program (a main method, its threads explored through the
 * agent), and on a class found only through {@code --classpath}.
 */
class ProgramAndClassPathTest {

    private static final String PROGRAM = "example.cli.LostUpdateProgram";

    @Test
    void aProgramsThreadsAreExploredAndItsFailedCheckIsReported() {
        Cli.Result r = Cli.run("explore", "--class", PROGRAM);
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("exploring " + PROGRAM + " (program)"), r::toString);
        assertTrue(r.out().contains("| step | main"), r::toString);
        assertTrue(r.out().contains("| A "), r::toString);
        assertTrue(r.out().contains("volatile write LostUpdateProgram.count"), r::toString);
        assertTrue(
                r.out()
                        .contains(
                                "Failure: main threw java.lang.AssertionError: both increments must count, got 1"),
                r::toString);
    }

    @Test
    void aProgramsPlainFieldsAreSchedulingPointsByDefault() throws Exception {
        String counter = "example.cli.PlainCounter";
        JsonNode found =
                new ObjectMapper().readTree(Cli.run("explore", "--class", counter, "--json").out());
        assertEquals("bug_found", found.get("verdict").asText(), found::toString);
        assertTrue(
                found.get("failure").asText().contains("both increments must count, got 1"),
                found::toString);
        // the token replays under the same default
        Cli.Result replayed = Cli.run("replay", found.get("token").asText(), "--class", counter);
        assertEquals(1, replayed.status(), replayed::toString);

        Cli.Result passed = Cli.run("explore", "--class", counter, "--no-plain-fields");
        assertEquals(0, passed.status(), passed::toString);
        assertTrue(
                passed.err()
                        .contains(
                                "accesses to plain (non-volatile, non-final) fields were not"
                                        + " scheduling points"),
                passed::toString);
        assertTrue(passed.err().contains("PlainCounter.count"), passed::toString);
        assertTrue(passed.err().contains("--plain-fields"), passed::toString);
    }

    @Test
    void aProgramsTokenReplaysItsSchedule() throws Exception {
        JsonNode found =
                new ObjectMapper().readTree(Cli.run("explore", "--class", PROGRAM, "--json").out());
        assertEquals("bug_found", found.get("verdict").asText());
        Cli.Result replayed = Cli.run("replay", found.get("token").asText(), "--class", PROGRAM);
        assertEquals(1, replayed.status(), replayed::toString);
        assertTrue(
                replayed.out().contains("Found by replay of a token after 1 run"),
                replayed::toString);
        assertTrue(
                replayed.out().contains("both increments must count, got 1"), replayed::toString);
    }

    @Test
    void aTokenWhoseScheduleNowPassesExitsZero() throws Exception {
        JsonNode found =
                new ObjectMapper().readTree(Cli.run("explore", "--class", PROGRAM, "--json").out());
        // the same schedule, but the program no longer checks the count: it runs to the end
        Cli.Result r =
                Cli.run("replay", found.get("token").asText(), "--class", PROGRAM, "--", "lenient");
        assertEquals(0, r.status(), r::toString);
        assertTrue(
                r.out()
                        .startsWith(
                                "The schedule of the token ran to the end without failing on "
                                        + PROGRAM),
                r::toString);
        JsonNode json =
                new ObjectMapper()
                        .readTree(
                                Cli.run(
                                                "replay",
                                                found.get("token").asText(),
                                                "--class",
                                                PROGRAM,
                                                "--json",
                                                "--",
                                                "lenient")
                                        .out());
        assertEquals("clean", json.get("verdict").asText());
        assertTrue(json.get("token").isNull());
    }

    @Test
    void aScenarioClassIsFoundThroughTheClassPath(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src/cp/DoubleClose.java");
        Files.createDirectories(src.getParent());
        Files.writeString(
                src,
                String.join(
                        "\n",
                        "package cp;",
                        "import io.refguard.RefCounted;",
                        "import io.refguard.explore.Explorer;",
                        "import io.refguard.explore.Scenario;",
                        "public final class DoubleClose {",
                        "    static final class R extends RefCounted<R> { protected void deallocate() {} }",
                        "    public static Scenario<R> scenario() {",
                        "        return Explorer.scenario(\"double close\").setup(R::new)",
                        "                .actor(\"T1\", R::close).actor(\"T2\", R::close);",
                        "    }",
                        "}"),
                StandardCharsets.UTF_8);
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc =
                javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        src.toString());
        assertEquals(0, rc, "the test's scenario compiles");

        Cli.Result without = Cli.run("explore", "--class", "cp.DoubleClose");
        assertEquals(2, without.status(), without::toString);

        Cli.Result with =
                Cli.run(
                        "explore",
                        "--class",
                        "cp.DoubleClose",
                        "--classpath",
                        classes.toString(),
                        "--json");
        assertEquals(1, with.status(), with::toString);
        JsonNode o = new ObjectMapper().readTree(with.out());
        assertEquals("cp.DoubleClose", o.get("case").asText());
        assertTrue(o.get("failure").asText().contains("DoubleReleaseException"), with::toString);
        assertTrue(List.of(0, 1).contains(o.get("preemptions").asInt()), with::toString);
    }

    @Test
    void aProgramAndItsLibraryInAnotherPackageAreLoadedTogetherAndBothExplored(@TempDir Path dir)
            throws IOException {
        // the library names a program type in a signature, and its monitor is where the race is
        write(
                dir.resolve("src/shop/Item.java"),
                "package shop;",
                "public record Item(String name) {}");
        write(
                dir.resolve("src/shop/Main.java"),
                "package shop;",
                "import stock.Counter;",
                "public class Main {",
                "    public static void main(String[] args) throws InterruptedException {",
                "        Counter c = new Counter();",
                "        c.register(new Item(\"pen\"));",
                "        Thread a = new Thread(() -> c.set(c.get() + 1), \"A\");",
                "        Thread b = new Thread(() -> c.set(c.get() + 1), \"B\");",
                "        a.start(); b.start(); a.join(); b.join();",
                "        if (c.get() != 2) throw new AssertionError(\"lost an update: \" + c.get());",
                "    }",
                "}");
        write(
                dir.resolve("src/stock/Counter.java"),
                "package stock;",
                "public final class Counter {",
                "    private int n;",
                "    private shop.Item last;",
                "    public synchronized void register(shop.Item item) { last = item; }",
                "    public synchronized int get() { return n; }",
                "    public synchronized void set(int v) { n = v; }",
                "}");
        Path app = dir.resolve("app");
        Path lib = dir.resolve("lib");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String sources = dir.resolve("src").toString();
        assertEquals(
                0,
                javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        app.toString(),
                        "-sourcepath",
                        sources,
                        dir.resolve("src/shop/Main.java").toString(),
                        dir.resolve("src/shop/Item.java").toString()));
        assertEquals(
                0,
                javac.run(
                        null,
                        null,
                        null,
                        "-d",
                        lib.toString(),
                        "-cp",
                        app.toString(),
                        dir.resolve("src/stock/Counter.java").toString()));
        // javac put stock.Counter into app too (found on the source path): keep it in lib only
        Files.delete(app.resolve("stock/Counter.class"));

        Cli.Result r =
                Cli.run(
                        "explore",
                        "--class",
                        "shop.Main",
                        "--classpath",
                        app + java.io.File.pathSeparator + lib);
        assertEquals(1, r.status(), r::toString);
        assertTrue(
                r.out().contains("Failure: main threw java.lang.AssertionError: lost an update: 1"),
                r::toString);
        assertTrue(r.out().contains("(Counter.java:"), "the library's lines: " + r);

        // narrowed to the program's package: the library still loads with it, uninstrumented
        Cli.Result narrow =
                Cli.run(
                        "explore",
                        "--class",
                        "shop.Main",
                        "--classpath",
                        app + java.io.File.pathSeparator + lib,
                        "--include",
                        "shop.*");
        assertTrue(!narrow.toString().contains("LinkageError"), narrow::toString);
    }

    /**
     * Steps in a class without debug information (generated library classes are so, Caffeine's
     * among them) have no line; a program's main, which refguard declares, has none of its own
     * either: its rows show none, never a line of refguard's command line or of its libraries.
     */
    @Test
    void stepsWithoutALineShowNoneOnMainsRowsToo(@TempDir Path dir) throws IOException {
        write(
                dir.resolve("src/nolines/Counter.java"),
                "package nolines;",
                "public class Counter {",
                "    int n;",
                "    void inc() { n = n + 1; }",
                "}");
        write(
                dir.resolve("src/nolines/Main.java"),
                "package nolines;",
                "public class Main {",
                "    public static void main(String[] args) throws Exception {",
                "        Counter c = new Counter();",
                "        Thread t = new Thread(c::inc, \"t\");",
                "        t.start();",
                "        c.inc();",
                "        t.join();",
                "        if (c.n != 2) throw new AssertionError(\"lost update: \" + c.n);",
                "    }",
                "}");
        Path classes = dir.resolve("classes");
        assertEquals(
                0,
                ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "-g:none",
                                "-d",
                                classes.toString(),
                                dir.resolve("src/nolines/Counter.java").toString(),
                                dir.resolve("src/nolines/Main.java").toString()));

        Cli.Result r =
                Cli.run("explore", "--class", "nolines.Main", "--classpath", classes.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.out().contains("lost update: 1"), r::toString);
        List<String> reads =
                r.out().lines().filter(l -> l.contains("read Counter.n Counter#1")).toList();
        assertTrue(reads.size() >= 2, r::toString);
        for (String row : reads) {
            assertTrue(!row.contains("("), "no location on " + row + "\n" + r);
        }
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    }
}
