package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import example.explore.MonitorDeadlock;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Named;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent adds nothing and loses nothing: {@link MonitorDeadlock}, a plain class with no refguard
 * call, explored through the agent yields the same failing-interleaving table (same rows, same
 * columns, same cells up to the source location) and the same replay token as the same program
 * written against the explicit API ({@link Coordinator}).
 */
class ExplicitEquivalenceTest {

    static final String NAME = "monitor deadlock";
    private static final Pattern LOCATION = Pattern.compile(" \\([A-Za-z]+\\.java:\\d+\\)");

    /** A row that is only a method line: no step number, one cell naming {@code Class.method}. */
    private static final Pattern METHOD_LINE =
            Pattern.compile("\\|\\s+(\\|\\s*)*\\|\\s+[A-Z][\\w.]*\\.\\w+\\s+(\\|\\s*)*\\|");

    /** A lock object named as the agent names the fields of {@link MonitorDeadlock}. */
    record Monitor(String reportName) implements Named {}

    /** {@link MonitorDeadlock#main} and its two threads, written against the explicit API. */
    static void explicitMain(Monitor a, Monitor b) throws InterruptedException {
        ActorHandle t1 = Coordinator.spawn("T1", () -> both(a, b));
        ActorHandle t2 = Coordinator.spawn("T2", () -> both(b, a));
        Coordinator.join(t1);
        Coordinator.join(t2);
    }

    static void both(Object first, Object second) {
        Coordinator.lock(first);
        Coordinator.lock(second);
        Coordinator.unlock(second);
        Coordinator.unlock(first);
    }

    static InterleavingFailure explicit(ExploreOptions options) {
        return assertThrows(
                InterleavingFailure.class,
                () ->
                        Explorer.scenario(NAME)
                                .setup(
                                        () ->
                                                new Monitor[] {
                                                    new Monitor("MonitorDeadlock.a"),
                                                    new Monitor("MonitorDeadlock.b")
                                                })
                                .actor(AgentExplorer.MAIN_THREAD, m -> explicitMain(m[0], m[1]))
                                .explore(options));
    }

    static InterleavingFailure throughAgent(ExploreOptions options) {
        return assertThrows(
                InterleavingFailure.class,
                () ->
                        AgentExplorer.mainClass(MonitorDeadlock.class.getName())
                                .scenarioName(NAME)
                                .explore(options));
    }

    @Test
    void plainClassYieldsTheExplicitScenariosTableAndToken() {
        ExploreOptions options = ExploreOptions.exhaustive().preemptionBound(2);
        InterleavingFailure viaApi = explicit(options);
        InterleavingFailure viaAgent = throughAgent(options);

        assertEquals(viaApi.replayToken(), viaAgent.replayToken());
        assertEquals(viaApi.report().threads(), viaAgent.report().threads());
        assertEquals(withoutLocations(viaApi.table()), withoutLocations(viaAgent.table()));
        // the locations differ only in file: the agent's name the plain program's lines
        assertNotEquals(viaApi.table(), viaAgent.table());
    }

    @Test
    void eachTokenReplaysTheOtherSchedule() {
        ExploreOptions options = ExploreOptions.exhaustive();
        String apiToken = explicit(options).replayToken();
        InterleavingFailure replayed = throughAgent(ExploreOptions.replay(apiToken));
        assertEquals(
                withoutLocations(explicit(ExploreOptions.replay(apiToken)).table()),
                withoutLocations(replayed.table()));
    }

    @Test
    void codeInstrumentedBeforehandExploresTheSameWay() {
        ExploreOptions options = ExploreOptions.exhaustive();
        InstrumentingClassLoader first =
                new InstrumentingClassLoader(
                        getClass().getClassLoader(),
                        AgentOptions.defaults().withInclude("example.explore.*"));
        InterleavingFailure viaEntry =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.entry(
                                                NAME,
                                                () -> {
                                                    try {
                                                        Method main =
                                                                Class.forName(
                                                                                MonitorDeadlock
                                                                                        .class
                                                                                        .getName(),
                                                                                true,
                                                                                first.freshCopy())
                                                                        .getMethod(
                                                                                "main",
                                                                                String[].class);
                                                        return () -> {
                                                            try {
                                                                main.invoke(
                                                                        null,
                                                                        (Object) new String[0]);
                                                            } catch (InvocationTargetException e) {
                                                                throw ProgramEntry.Sneaky
                                                                        .<RuntimeException>as(
                                                                                e.getCause());
                                                            } catch (IllegalAccessException e) {
                                                                throw new IllegalStateException(e);
                                                            }
                                                        };
                                                    } catch (ReflectiveOperationException e) {
                                                        throw new IllegalStateException(e);
                                                    }
                                                })
                                        .explore(options));
        InterleavingFailure viaMainClass = throughAgent(options);
        assertEquals(viaMainClass.replayToken(), viaEntry.replayToken());
        assertEquals(withoutLocations(viaMainClass.table()), withoutLocations(viaEntry.table()));
    }

    /**
     * The report with source locations removed from the table cells and every cell trimmed, so that
     * tables whose steps come from different files compare by content; and without the method lines
     * of the call tree, which only code outside refguard's own packages gets (the explicit program
     * is written in one).
     */
    static String withoutLocations(String report) {
        List<String> out = new ArrayList<>();
        for (String line : report.split("\n")) {
            if (!line.startsWith("|")) {
                out.add(line);
                continue;
            }
            if (METHOD_LINE.matcher(line).matches()) {
                continue;
            }
            StringBuilder row = new StringBuilder();
            for (String cell : line.substring(1).split("\\|", -1)) {
                String c = LOCATION.matcher(cell).replaceAll("").strip();
                row.append('|').append(c.matches("-+") ? "-" : c);
            }
            out.add(row.toString());
        }
        return String.join("\n", out);
    }
}
