package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A plain-Java program as a user brings it: code in two packages, 120 buyer threads, the JDK's
 * concurrent map, queue, latch, semaphore, read-write lock, atomics, thread pool, future, scheduled
 * executor and synchronized list, with timeouts ({@code example.cli.shop}). Explored through the
 * command with the default search (only the budget set), the careless stock's double sale is
 * reported as the program's own failure with its table, and the careful stock passes: never "stuck"
 * or inconclusive because of a JDK class.
 */
class JdkProgramTest {

    private static final String SHOP = "example.cli.shop.Shop";

    @Test
    void theDoubleSaleIsFoundAsTheProgramsFailure() {
        Cli.Result r = Cli.run("explore", "--class", SHOP, "--max-runs", "300");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.out().contains("| buyer-0 "), r::toString);
        assertTrue(r.out().contains("| buyer-1 "), r::toString);
        assertTrue(
                r.out()
                        .contains(
                                "Failure: main threw java.lang.AssertionError: one lamp, sold 2 times"),
                r::toString);
        assertTrue(r.out().contains("rg1-"), r::toString);
        // both buyers read the last lamp before either writes: the rows show the values
        assertEquals(
                2,
                r.out()
                        .lines()
                        .filter(l -> l.contains("ConcurrentHashMap.get(\"lamp\") -> 1"))
                        .count(),
                r::toString);
        assertTrue(r.out().contains("ConcurrentHashMap.put(\"lamp\", 0) -> 0"), r::toString);
        assertTrue(
                r.out().contains("BlockingQueue.put(\"lamp\") ArrayBlockingQueue#1"), r::toString);
        // 120 buyers print as a few columns and about fifty rows
        assertTrue(r.out().contains("| other threads"), r::toString);
        assertTrue(r.out().lines().filter(l -> l.startsWith("|")).count() < 80, r::toString);
    }

    @Test
    void theCarefulStockPasses() {
        Cli.Result r = Cli.run("explore", "--class", SHOP, "--max-runs", "150", "--", "careful");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("No failure: 150 runs"), r::toString);
    }
}
