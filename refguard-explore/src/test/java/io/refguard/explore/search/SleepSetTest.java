package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Sleep sets explore fewer schedules where steps are independent (private fields), while reaching
 * the same outcomes and finding the same bug as the full search.
 */
class SleepSetTest {

    static final ExploreOptions FULL =
            ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE);

    static final class State {
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
        final SharedInt shared = new SharedInt("shared", 0);
    }

    static Scenario<State> scenario(String name, boolean atomic, Set<String> outcomes) {
        return Explorer.scenario(name)
                .setup(State::new)
                .actor("T1", s -> work(s.a, s.shared, atomic))
                .actor("T2", s -> work(s.b, s.shared, atomic))
                .check(
                        s -> {
                            outcomes.add(s.a.peek() + "/" + s.b.peek() + "/" + s.shared.peek());
                            assertEquals(2, s.shared.peek(), "both increments count");
                        });
    }

    /** Private work on {@code mine}, one increment of {@code shared}, more private work. */
    static void work(SharedInt mine, SharedInt shared, boolean atomic) {
        mine.set(mine.get() + 1);
        if (atomic) {
            shared.incrementAndGet();
        } else {
            shared.set(shared.get() + 1);
        }
        mine.set(mine.get() + 1);
    }

    @Test
    void fewerSchedulesSameOutcomes() {
        Set<String> full = new TreeSet<>();
        Set<String> reduced = new TreeSet<>();
        ExploreResult f = scenario("atomic, full", true, full).explore(FULL);
        ExploreResult r =
                scenario("atomic, sleep sets", true, reduced).explore(FULL.sleepSets(true));
        assertTrue(f.exhausted() && r.exhausted());
        assertTrue(
                r.distinctSchedules() * 4 < f.distinctSchedules(),
                "sleep sets: " + r + "; full: " + f);
        assertEquals(full, reduced);
    }

    @Test
    void theSameBugIsFoundWithAndWithoutSleepSets() {
        Set<String> ignored = new TreeSet<>();
        InterleavingFailure full =
                assertThrows(
                        InterleavingFailure.class,
                        () -> scenario("racy, full", false, ignored).explore(FULL));
        InterleavingFailure reduced =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                scenario("racy, sleep sets", false, ignored)
                                        .explore(FULL.sleepSets(true)));
        assertEquals(full.report().failure().summary(), reduced.report().failure().summary());
    }

    @Test
    void allRacyOutcomesAreReachedWithSleepSets() {
        Set<String> full = new TreeSet<>();
        Set<String> reduced = new TreeSet<>();
        ExploreResult f = recording("outcomes, full", full).explore(FULL);
        ExploreResult r = recording("outcomes, sleep sets", reduced).explore(FULL.sleepSets(true));
        assertEquals(Set.of("2/2/1", "2/2/2"), full);
        assertEquals(full, reduced);
        assertTrue(r.distinctSchedules() < f.distinctSchedules(), r + " vs " + f);
    }

    /** The racy scenario with a check that only records the outcome. */
    static Scenario<State> recording(String name, Set<String> outcomes) {
        return Explorer.scenario(name)
                .setup(State::new)
                .actor("T1", s -> work(s.a, s.shared, false))
                .actor("T2", s -> work(s.b, s.shared, false))
                .check(s -> outcomes.add(s.a.peek() + "/" + s.b.peek() + "/" + s.shared.peek()));
    }
}
