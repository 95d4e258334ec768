package io.refguard.explore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/**
 * A lost update: two threads increment a counter with a separate read and write, so one can
 * overwrite the other's increment. One preemption between T1's read and write suffices.
 */
class LostUpdateTest {

    /** The racy counter: read, then write. */
    static final class Counter {
        final SharedInt value = new SharedInt("value", 0);

        void increment() {
            int v = value.get();
            value.set(v + 1);
        }
    }

    /** The fix: one atomic read-modify-write. */
    static final class AtomicCounter {
        final SharedInt value = new SharedInt("value", 0);

        void increment() {
            value.incrementAndGet();
        }
    }

    static Scenario<Counter> broken() {
        return Explorer.scenario("lost update")
                .setup(Counter::new)
                .actor("T1", Counter::increment)
                .actor("T2", Counter::increment)
                .check(c -> assertEquals(2, c.value.peek(), "both increments must count"));
    }

    @Test
    void findsTheLostUpdateWithOnePreemption() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> broken().explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertEquals(1, f.report().preemptions());
        Golden.assertMatches("lost-update", f.table());
        InterleavingFailure again =
                assertThrows(InterleavingFailure.class, () -> broken().replay(f.replayToken()));
        assertEquals(f.report().events(), again.report().events());
        assertEquals(f.report().failure(), again.report().failure());
    }

    @Test
    void fixedCounterPassesExhaustivelyWithinBoundTwo() {
        ExploreResult r =
                Explorer.scenario("atomic counter")
                        .setup(AtomicCounter::new)
                        .actor("T1", AtomicCounter::increment)
                        .actor("T2", AtomicCounter::increment)
                        .check(c -> assertEquals(2, c.value.peek()))
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r.toString());
    }
}
