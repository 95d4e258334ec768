package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that kills the JVM (a read of freed native memory) leaves no report, but its flight record
 * gives the replay token of its schedule, and that token reaches the crash again.
 */
class CrashedCommandTest {

    private static final String PROGRAM = "example.cli.NativeUseAfterFree";

    @TempDir Path dir;

    @Test
    void aRunThatKillsTheJvmLeavesTheTokenOfItsSchedule() throws Exception {
        Path record = dir.resolve("explore.flight");
        Child explore = Child.run(dir, record, "explore", "--class", PROGRAM);
        // without a core dump the JVM exits with 1 after a fatal error, else by SIGABRT (134)
        assertTrue(explore.dead(), explore::toString);
        assertTrue(Files.size(record) > 0, explore::toString);

        Cli.Result crashed =
                Cli.run("crashed", "--exit", String.valueOf(explore.status), record.toString());
        assertEquals(ExitCodes.BUG_FOUND, crashed.status(), crashed::toString);
        assertTrue(crashed.out().startsWith("refguard: the JVM died (exit "), crashed::toString);
        assertTrue(crashed.out().contains(") during run "), crashed::toString);
        String token = crashed.out().replaceAll("(?s).*Replay: (rg1-\\S+).*", "$1");
        assertTrue(token.startsWith("rg1-"), crashed::toString);

        Child replay =
                Child.run(dir, dir.resolve("replay.flight"), "replay", token, "--class", PROGRAM);
        assertTrue(replay.dead(), replay::toString);
    }

    @Test
    void theJvmsErrorHookPrintsTheTokenAsTheLauncherAsksIt() throws Exception {
        // what ./refguard gives the JVM: -XX:OnError runs 'refguard crashed' on the record
        Path record = dir.resolve("hooked.flight");
        String hook =
                "-XX:OnError='"
                        + Child.java()
                        + "' -cp '"
                        + System.getProperty("java.class.path")
                        + "' "
                        + Main.class.getName()
                        + " crashed --quiet --delete '"
                        + record
                        + "'";
        Child explore = Child.run(dir, record, hook, "explore", "--class", PROGRAM);
        assertTrue(explore.status == 1 || explore.status == 134, explore::toString);
        assertTrue(explore.out.contains("refguard: the JVM died during run "), explore::toString);
        assertTrue(explore.out.contains("Replay: rg1-"), explore::toString);
        assertFalse(Files.exists(record), explore::toString);
    }

    @Test
    void anExplorationThatEndsLeavesNoRecordAndCrashedSaysSo() throws Exception {
        Path record = dir.resolve("ended.flight");
        Child explore = Child.run(dir, record, "explore", "--class", "example.cli.ConnectTimeout");
        assertEquals(ExitCodes.CLEAN, explore.status, explore::toString);
        assertFalse(Files.exists(record), explore::toString);

        Files.writeString(record, "not a record");
        Cli.Result r = Cli.run("crashed", record.toString());
        assertEquals(ExitCodes.USAGE, r.status(), r::toString);
        assertTrue(r.err().contains("records no run in progress"), r::toString);
        Cli.Result quiet = Cli.run("crashed", "--quiet", record.toString());
        assertEquals(ExitCodes.CLEAN, quiet.status(), quiet::toString);
        assertEquals("", quiet.out() + quiet.err(), quiet::toString);
    }

    /** The command in a JVM of its own, which may die, with its flight record in {@code record}. */
    private static final class Child {
        int status;
        String out;

        static String java() {
            return ProcessHandle.current().info().command().orElse("java");
        }

        /** Runs {@code args}, of which leading {@code -XX:} options go to the JVM. */
        static Child run(Path dir, Path record, String... args) throws Exception {
            List<String> cmd = new ArrayList<>();
            cmd.add(java());
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty() && rest.get(0).startsWith("-XX:")) {
                cmd.add(rest.remove(0));
            }
            cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
            cmd.add("-XX:-CreateCoredumpOnCrash");
            cmd.add("-Drefguard.explore.flightRecord=" + record);
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.addAll(rest);
            Path log = Files.createTempFile(dir, "child", ".log");
            Process p =
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            Child c = new Child();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                c.status = -1;
            } else {
                c.status = p.exitValue();
            }
            c.out = Files.readString(log);
            return c;
        }

        /** Whether the JVM died of a fatal error rather than ending with a verdict. */
        boolean dead() {
            return (status == 1 || status == 134)
                    && out.contains("A fatal error has been detected by the Java Runtime")
                    && !out.contains("Replay: rg1-");
        }

        @Override
        public String toString() {
            return "exit " + status + "\n" + out;
        }
    }
}
