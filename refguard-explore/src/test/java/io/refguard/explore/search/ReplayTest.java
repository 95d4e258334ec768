package io.refguard.explore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.replay.ReplayToken;
import io.refguard.explore.replay.ReplayTokenException;
import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.sync.SharedInt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying tokens reproduces failures exactly, and refuses tokens that do not fit. */
class ReplayTest {

    static final class Counter {
        final SharedInt value = new SharedInt("value", 0);

        void increment() {
            value.set(value.get() + 1);
        }
    }

    static Scenario<Counter> racy(String name) {
        return Explorer.scenario(name)
                .setup(Counter::new)
                .actor("T1", Counter::increment)
                .actor("T2", Counter::increment)
                .actor("T3", Counter::increment)
                .check(c -> assertEquals(3, c.value.peek()));
    }

    @Test
    void aThousandReplaysGiveAThousandIdenticalTraces() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                racy("three increments")
                                        .explore(ExploreOptions.pct(3).seed(11).minimize(false)));
        List<TraceEvent> first = f.report().events();
        for (int i = 0; i < 1000; i++) {
            InterleavingFailure again =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> racy("three increments").replay(f.replayToken()));
            assertEquals(first, again.report().events(), "replay " + i);
            assertEquals(f.report().failure(), again.report().failure(), "replay " + i);
        }
    }

    @Test
    void aTokenFromAnotherScenarioIsRefused() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> racy("scenario A").explore(ExploreOptions.exhaustive()));
        ReplayTokenException e =
                assertThrows(
                        ReplayTokenException.class,
                        () -> racy("scenario B").replay(f.replayToken()));
        assertTrue(
                e.getMessage().startsWith("this replay token was made for another scenario"),
                e.getMessage());
    }

    @Test
    void aMalformedTokenIsRefusedWithAMessage() {
        ReplayTokenException e =
                assertThrows(
                        ReplayTokenException.class,
                        () -> racy("malformed").replay("rg1-not!a!token"));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aScheduleThatNoLongerFitsIsReportedAsDiverged() {
        int fp = ReplayToken.fingerprint("diverging", List.of("T1", "T2", "T3"));
        String token = ReplayToken.of(fp, new int[] {0, 5, 5}).encode();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> racy("diverging").replay(token));
        assertTrue(e.getMessage().contains("did not follow its schedule"), e.getMessage());
    }

    @Test
    void aRunThatLeftItsScheduleAndThenFailedIsNoReplayOfTheToken() {
        int fp = ReplayToken.fingerprint("left", List.of("T1", "T2", "T3"));
        // T2 runs between T1's get and set (the lost update), then a thread that does not exist
        String token = ReplayToken.of(fp, new int[] {0, 0, 1, 1, 1, 0, 9}).encode();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> racy("left").replay(token));
        assertTrue(
                e.getMessage()
                                .contains(
                                        "did not follow its schedule: the schedule asks for thread 9 at"
                                                + " step 7")
                        && e.getMessage()
                                .contains(
                                        "(the run that left it then failed: the final check"
                                                + " failed, but that is another schedule than the"
                                                + " token's)"),
                e.getMessage());
    }

    @Test
    void replayingAPassingScheduleReturnsNormally() {
        int fp = ReplayToken.fingerprint("serial", List.of("T1", "T2", "T3"));
        // T1, T2 and T3 each run to the end without interruption: start, get, set
        int[] serial = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        ExploreResult r = racy("serial").replay(ReplayToken.of(fp, serial).encode());
        assertEquals(ExploreResult.Stop.REPLAYED, r.stop());
        assertEquals(1, r.runs());
        // T2's read and write each follow T1's write; T3's follow T2's write and T1's
        assertEquals(6, r.coverage().orders(), r.toString());
        assertTrue(
                r.guarantee()
                        .endsWith("; coverage: 6 orders of dependent steps seen in the one run"),
                r.guarantee());
    }

    @Test
    void theReplayPropertyAppliesToItsOwnScenarioOnly() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> racy("by property").explore(ExploreOptions.exhaustive()));
        System.setProperty("refguard.explore.replay", f.replayToken());
        try {
            InterleavingFailure again =
                    assertThrows(
                            InterleavingFailure.class,
                            () -> racy("by property").explore(ExploreOptions.random().seed(1)));
            assertEquals("replay of a token", again.report().foundBy());
            assertEquals(f.report().events(), again.report().events());
            ExploreResult other =
                    Explorer.scenario("unrelated")
                            .setup(Counter::new)
                            .actor("T1", Counter::increment)
                            .explore(ExploreOptions.exhaustive());
            assertTrue(other.exhausted());
        } finally {
            System.clearProperty("refguard.explore.replay");
        }
    }

    /** Set once per JVM and kept, as a class's one-time setup is: the first run reads it unset. */
    static final java.util.concurrent.atomic.AtomicBoolean warm =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** The racy counter, whose T1 takes one step more while {@link #warm} is unset. */
    static Scenario<Counter> warmsUp() {
        return Explorer.scenario("warms up")
                .setup(Counter::new)
                .actor(
                        "T1",
                        c -> {
                            if (!warm.getAndSet(true)) {
                                c.value.get(); // the one-time setup's own step
                            }
                            c.increment();
                        })
                .actor("T2", Counter::increment)
                .check(c -> assertEquals(2, c.value.peek()));
    }

    @Test
    void aTokenFoundAfterTheFirstRunReplaysOnAColdStart() {
        warm.set(true);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> warmsUp().explore(ExploreOptions.exhaustive().minimize(false)));
        warm.set(false); // as in a fresh JVM: the replay's first run takes the setup's step
        InterleavingFailure again =
                assertThrows(InterleavingFailure.class, () -> warmsUp().replay(f.replayToken()));
        assertEquals(f.report().failure(), again.report().failure());
        assertEquals(2, again.report().runs(), "the first run was the warm-up");
    }
}
