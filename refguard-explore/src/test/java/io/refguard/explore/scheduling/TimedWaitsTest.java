package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The runtime's timed waits on the virtual clock, interrupts and park permits, explored
 * exhaustively through the explicit API.
 */
class TimedWaitsTest {

    static final ExploreOptions ALL =
            ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE);

    static final class State {
        final Object lock = new Object();
        volatile boolean flag;
        volatile ActorHandle waiter;
        boolean woke;
        long clock = -1;
        final List<String> timedOut = new ArrayList<>();
        int holdsAfter;
    }

    private static ExploreResult pollAgainstSetter(boolean early, Set<String> outcomes) {
        return Explorer.scenario("poll against a setter")
                .setup(State::new)
                .actor(
                        "poller",
                        s -> {
                            s.woke =
                                    Coordinator.blockUntil(
                                            () -> s.flag, 1_000_000L, early, s, "poll");
                            s.clock = Coordinator.clockNanos();
                        })
                .actor(
                        "setter",
                        s -> {
                            Coordinator.point("set");
                            s.flag = true;
                        })
                .check(s -> outcomes.add(s.woke + "@" + s.clock))
                .explore(ALL);
    }

    @Test
    void aTimeoutFiresOnlyWhenNoOtherThreadCanGoOn() {
        Set<String> outcomes = ConcurrentHashMap.newKeySet();
        ExploreResult r = pollAgainstSetter(false, outcomes);
        assertTrue(r.exhausted());
        assertEquals(Set.of("true@0"), outcomes);
    }

    @Test
    void anEarlyTimeoutIsExploredBesideTheTimelyPathAndMovesTheClock() {
        Set<String> outcomes = ConcurrentHashMap.newKeySet();
        ExploreResult r = pollAgainstSetter(true, outcomes);
        assertTrue(r.exhausted());
        assertEquals(Set.of("true@0", "false@1000000"), outcomes);
    }

    @Test
    void timeoutsFireInDeadlineOrder() {
        Set<String> orders = ConcurrentHashMap.newKeySet();
        ExploreResult r =
                Explorer.scenario("two timeouts")
                        .setup(State::new)
                        .actor(
                                "long",
                                s -> {
                                    Coordinator.blockUntil(() -> false, 2_000L, false, s, "long");
                                    s.timedOut.add("long@" + Coordinator.clockNanos());
                                })
                        .actor(
                                "short",
                                s -> {
                                    Coordinator.blockUntil(() -> false, 1_000L, false, s, "short");
                                    s.timedOut.add("short@" + Coordinator.clockNanos());
                                })
                        .check(s -> orders.add(String.join(",", s.timedOut)))
                        .explore(ALL);
        assertTrue(r.exhausted());
        assertEquals(Set.of("short@1000,long@2000"), orders);
    }

    @Test
    void anEarlyTimeoutDoesNotJumpPastAnotherThreadsEarlierDeadline() {
        Set<String> orders = ConcurrentHashMap.newKeySet();
        ExploreResult r =
                Explorer.scenario("an early timeout behind an earlier deadline")
                        .setup(State::new)
                        .actor(
                                "first",
                                s -> {
                                    Coordinator.lock(s.lock);
                                    s.flag = true;
                                    // releases the lock only once it waits, with its deadline
                                    Coordinator.await(s.lock, s.lock, 1_000L, false, false, "wait");
                                    s.timedOut.add("first@" + Coordinator.clockNanos());
                                    Coordinator.unlock(s.lock);
                                })
                        .actor(
                                "second",
                                s -> {
                                    Coordinator.blockUntil(() -> s.flag, -1L, false, s, "flag");
                                    Coordinator.lock(s.lock); // first waits, due at 1000, by now
                                    Coordinator.unlock(s.lock);
                                    Coordinator.blockUntil(() -> false, 2_000L, true, s, "sleep");
                                    s.timedOut.add("second@" + Coordinator.clockNanos());
                                })
                        .check(s -> orders.add(String.join(",", s.timedOut)))
                        .explore(ALL);
        assertTrue(r.exhausted());
        // second may not time out at once: first's timeout is due before its own
        assertEquals(Set.of("first@1000,second@2000"), orders);
    }

    @Test
    void aTimeoutTheClockHasReachedMayFireInTheMiddleOfAnotherThreadsWork() {
        Set<String> orders = ConcurrentHashMap.newKeySet();
        ExploreResult r =
                Explorer.scenario("two timeouts due together")
                        .setup(State::new)
                        .actor(
                                "taker",
                                s -> {
                                    Coordinator.blockUntil(() -> false, 1_000L, false, s, "poll");
                                    s.timedOut.add("took");
                                    Coordinator.point("handle");
                                    s.timedOut.add("handled");
                                })
                        .actor(
                                "sleeper",
                                s -> {
                                    Coordinator.blockUntil(() -> false, 1_000L, false, s, "sleep");
                                    s.timedOut.add("woke@" + Coordinator.clockNanos());
                                })
                        .check(s -> orders.add(String.join(",", s.timedOut)))
                        .explore(ALL);
        assertTrue(r.exhausted());
        // the sleeper's deadline is reached once the taker's timeout moved the clock: it may wake
        // between the taker's two steps, not only before or after both
        assertEquals(
                Set.of(
                        "woke@1000,took,handled",
                        "took,woke@1000,handled",
                        "took,handled,woke@1000"),
                orders);
    }

    @Test
    void aTimedAwaitTimesOutAndRetakesTheLockWithItsHolds() {
        Set<String> outcomes = ConcurrentHashMap.newKeySet();
        ExploreResult r =
                Explorer.scenario("timed await alone")
                        .setup(State::new)
                        .actor(
                                "waiter",
                                s -> {
                                    Coordinator.lock(s.lock);
                                    assertTrue(Coordinator.reenter(s.lock));
                                    s.woke =
                                            Coordinator.await(
                                                    s.lock, s.lock, 5_000L, false, false, "wait");
                                    s.clock = Coordinator.clockNanos();
                                    s.holdsAfter = Coordinator.holdCount(s.lock);
                                    Coordinator.unlock(s.lock);
                                    Coordinator.unlock(s.lock);
                                })
                        .check(s -> outcomes.add(s.woke + "@" + s.clock + "x" + s.holdsAfter))
                        .explore(ALL);
        assertTrue(r.exhausted());
        assertEquals(Set.of("false@5000x2"), outcomes);
    }

    @Test
    void anInterruptEndsAnInterruptibleAwait() {
        Set<Boolean> signalled = ConcurrentHashMap.newKeySet();
        ExploreResult r =
                Explorer.scenario("interrupted await")
                        .setup(State::new)
                        .actor(
                                "waiter",
                                s -> {
                                    s.waiter = Coordinator.currentHandle();
                                    Coordinator.lock(s.lock);
                                    s.woke =
                                            Coordinator.await(
                                                    s.lock, s.lock, -1L, false, true, "wait");
                                    s.holdsAfter = Coordinator.holdCount(s.lock);
                                    Coordinator.unlock(s.lock);
                                    assertTrue(Coordinator.isInterrupted(s.waiter));
                                })
                        .actor(
                                "interrupter",
                                s -> {
                                    Coordinator.blockUntil(() -> s.waiter != null, s, "handle");
                                    Coordinator.interrupt(s.waiter, true);
                                })
                        .check(
                                s -> {
                                    assertEquals(1, s.holdsAfter);
                                    signalled.add(s.woke);
                                })
                        .explore(ALL);
        assertTrue(r.exhausted(), String.valueOf(r));
        assertEquals(Set.of(false), signalled);
    }

    @Test
    void unparkBeforeOrAfterParkLetsTheParkerGoOn() {
        ExploreResult r =
                Explorer.scenario("park and unpark")
                        .setup(State::new)
                        .actor(
                                "parker",
                                s -> {
                                    s.waiter = Coordinator.currentHandle();
                                    Coordinator.park(-1L, false, null);
                                    s.woke = true;
                                    assertFalse(Coordinator.tryPark()); // the permit was consumed
                                })
                        .actor(
                                "unparker",
                                s -> {
                                    Coordinator.blockUntil(() -> s.waiter != null, s, "handle");
                                    Coordinator.unpark(s.waiter);
                                })
                        .check(s -> assertTrue(s.woke))
                        .explore(ALL);
        assertTrue(r.exhausted(), String.valueOf(r));
    }

    @Test
    void reenterCountsAHoldOnlyForTheOwner() {
        ExploreResult r =
                Explorer.scenario("reenter")
                        .setup(State::new)
                        .actor(
                                "owner",
                                s -> {
                                    assertFalse(Coordinator.reenter(s.lock));
                                    Coordinator.lock(s.lock);
                                    assertTrue(Coordinator.reenter(s.lock));
                                    assertEquals(2, Coordinator.holdCount(s.lock));
                                    assertTrue(Coordinator.isLocked(s.lock));
                                    Coordinator.unlock(s.lock);
                                    Coordinator.unlock(s.lock);
                                    assertFalse(Coordinator.isLocked(s.lock));
                                })
                        .explore(ALL);
        assertTrue(r.exhausted(), String.valueOf(r));
    }
}
