package io.refguard.cases;

import io.refguard.CheckMode;
import io.refguard.run.Outcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each case explored once per test JVM and shared by the tests that look at its outcome. */
final class Outcomes {

    private static final Map<SeedCase, Outcome> DONE = new ConcurrentHashMap<>();

    private Outcomes() {}

    static synchronized Outcome of(SeedCase c) {
        return DONE.computeIfAbsent(c, k -> CaseRunner.run(k, CheckMode.TRACKED));
    }

    static SeedCase find(String name, Variant v) {
        for (SeedCase c : Cases.all()) {
            if (c.name().equals(name) && c.variant() == v) {
                return c;
            }
        }
        throw new AssertionError("no case " + name + " (" + v.id() + ") in the registry");
    }
}
