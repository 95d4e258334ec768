package io.refguard.explore.examples;

import io.refguard.explore.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The four example bugs, by name, each as a fresh buggy scenario: the measurement programs and the
 * JMH benchmarks (through this module's test jar) time how long the explorer takes to find them.
 */
public final class ExampleBugs {

    private ExampleBugs() {}

    /** Name to a factory of the buggy scenario, in the order the explorer guide presents them. */
    public static Map<String, Supplier<Scenario<?>>> all() {
        Map<String, Supplier<Scenario<?>>> bugs = new LinkedHashMap<>();
        bugs.put("lost-update", LostUpdateTest::broken);
        bugs.put("treiber-aba", TreiberAbaTest::broken);
        bugs.put("lock-order-deadlock", LockOrderDeadlockTest::broken);
        bugs.put(
                "half-done-insert",
                () ->
                        HalfDoneInsertTest.scenario("half-done insert", false)
                                .invariant(
                                        "both lists are doubly linked",
                                        HalfDoneInsertTest.Lists::consistent));
        return bugs;
    }
}
