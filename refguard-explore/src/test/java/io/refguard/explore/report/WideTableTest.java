package io.refguard.explore.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.Access;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table of many threads keeps the columns of the threads that matter and folds the rest: a main
 * thread that starts 40 workers, two of which race (one preempts the other), and 38 bystanders.
 */
class WideTableTest {

    private static final int WORKERS = 40;

    private static InterleavingReport report() {
        List<String> threads = new ArrayList<>();
        threads.add("main");
        for (int i = 0; i < WORKERS; i++) {
            threads.add("w" + i);
        }
        List<TraceEvent> events = new ArrayList<>();
        int step = 0;
        for (int i = 1; i <= WORKERS; i++) {
            events.add(
                    new TraceEvent.Step(
                            ++step, 0, "spawn", Access.UPDATE, null, "Main.java:9", false));
            events.add(new TraceEvent.Spawned(0, i));
        }
        // w0 reads, w1 preempts it and writes, w0 writes: the race
        events.add(new TraceEvent.Step(++step, 1, "read", Access.READ, "x", "W.java:3", false));
        events.add(new TraceEvent.Step(++step, 2, "read", Access.READ, "x", "W.java:3", true));
        events.add(new TraceEvent.Step(++step, 2, "write", Access.WRITE, "x", "W.java:4", false));
        events.add(new TraceEvent.Step(++step, 1, "write", Access.WRITE, "x", "W.java:4", false));
        for (int i = 3; i <= WORKERS; i++) {
            events.add(
                    new TraceEvent.Step(
                            ++step, i, "read", Access.READ, "y" + i, "W.java:3", false));
            events.add(
                    new TraceEvent.Step(
                            ++step, i, "write", Access.WRITE, "y" + i, "W.java:4", false));
        }
        events.add(
                new TraceEvent.Step(++step, 0, "check", Access.READ, "x", "Main.java:12", false));
        Failure failure =
                new Failure(
                        FailureKind.THREAD_THREW,
                        0,
                        "main threw AssertionError",
                        "Main.java:12",
                        List.of());
        return new InterleavingReport(
                "wide", threads, events, failure, "random walk", 3, 1, "rg1-x", List.of());
    }

    @Test
    void onlyTheRacingThreadsAndTheCheckingThreadKeepAColumn() {
        String text = TableRenderer.render(report());
        String header = text.lines().filter(l -> l.startsWith("| step")).findFirst().orElseThrow();
        assertEquals(
                List.of("step", "main", "w0", "w1", "other threads"),
                List.of(header.substring(1, header.length() - 1).split("\\|")).stream()
                        .map(String::strip)
                        .toList(),
                text);
        assertTrue(text.contains("| 45-120 "), text);
        assertTrue(text.contains("38 threads, 76 steps (w2, w3, w4, ...)"), text);
        assertTrue(text.contains("| 42 *"), text);
    }

    @Test
    void aLongRunOfOneThreadKeepsItsEndsAndCountsTheMiddle() {
        String text = TableRenderer.render(report());
        assertTrue(text.contains("| 1 "), text);
        assertTrue(text.contains("| 3-39 "), text);
        assertTrue(text.contains("... 37 steps: starts x37, spawn x37"), text);
        assertTrue(text.contains("| 40 "), text);
        assertFalse(text.contains("starts w20"), text);
        assertTrue(text.lines().filter(l -> l.startsWith("|")).count() < 30, text);
    }

    @Test
    void aNarrowTableIsNotFolded() {
        InterleavingReport wide = report();
        List<TraceEvent> few = new ArrayList<>();
        for (TraceEvent e : wide.events()) {
            if (e.thread() <= 2 && !(e instanceof TraceEvent.Spawned s && s.child() > 2)) {
                few.add(e);
            }
        }
        String text =
                TableRenderer.render(
                        new InterleavingReport(
                                "narrow",
                                wide.threads().subList(0, 3),
                                few,
                                wide.failure(),
                                "random walk",
                                3,
                                1,
                                "rg1-x",
                                List.of()));
        assertFalse(text.contains("other threads"), text);
        assertFalse(text.contains("..."), text);
    }
}
