package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.runtime.ChoicePoint;
import io.refguard.hook.Access;
import org.junit.jupiter.api.Test;

/** The bookkeeping behind {@link Coverage}, fed steps directly. */
class PairOrdersTest {

    /** One step at a time: the chosen thread's pending operation, as the scheduler shows it. */
    static final class Step implements ChoicePoint {
        Object target;
        Access access;
        String label;
        boolean start;

        @Override
        public boolean pendingStart(int id) {
            return start;
        }

        @Override
        public int step() {
            return 0;
        }

        @Override
        public int current() {
            return -1;
        }

        @Override
        public boolean currentEnabled() {
            return true;
        }

        @Override
        public boolean isEnabled(int id) {
            return true;
        }

        @Override
        public int nextEnabled(int from) {
            return from;
        }

        @Override
        public int enabledCount() {
            return 2;
        }

        @Override
        public int threadCount() {
            return 2;
        }

        @Override
        public Object pendingTarget(int id) {
            return target;
        }

        @Override
        public Access pendingAccess(int id) {
            return access;
        }

        @Override
        public String threadName(int id) {
            return "T" + id;
        }

        @Override
        public String pendingLabel(int id) {
            return label;
        }
    }

    private final Step p = new Step();
    private final PairOrders orders = new PairOrders();

    private void step(int thread, Object target, Access access, String label) {
        p.target = target;
        p.access = access;
        p.label = label;
        orders.step(p, thread);
    }

    @Test
    void readsDoNotOrderButAWriteDoesEachWayRound() {
        Object x = new Object();
        orders.startRun();
        step(0, x, Access.READ, "x.get");
        step(1, x, Access.READ, "x.get");
        assertEquals(0, orders.coverage().orders());
        step(1, x, Access.WRITE, "x.set"); // after T0's read
        step(0, x, Access.WRITE, "x.set"); // after T1's write (its latest dependent step)
        assertEquals(2, orders.coverage().orders());
        orders.startRun();
        step(1, x, Access.WRITE, "x.set");
        step(0, x, Access.READ, "x.get"); // a new order: T1's write before T0's read
        // paired with T1's write (not T0's own read): an order the first run showed too
        step(0, x, Access.WRITE, "x.set");
        Coverage c = orders.coverage();
        assertEquals(3, c.orders());
        assertEquals(2, c.seenOnce());
        assertEquals(2, c.runs());
        assertEquals(1.0, c.unseen());
    }

    @Test
    void anOrderSeenInAnotherRunIsNoLongerSeenOnce() {
        Object x = new Object();
        for (int run = 0; run < 3; run++) {
            orders.startRun();
            step(0, x, Access.WRITE, "x.set");
            step(1, x, Access.WRITE, "x.set");
            step(1, x, Access.WRITE, "x.set"); // the same order again in the same run
        }
        Coverage c = orders.coverage();
        assertEquals(1, c.orders());
        assertEquals(0, c.seenOnce());
        assertEquals(3, c.runs());
        assertEquals(0.0, c.unseen());
    }

    @Test
    void stepsFurtherApartThanTheWindowAreNotPaired() {
        Object x = new Object();
        Object y = new Object();
        orders.startRun();
        step(0, x, Access.WRITE, "x.set");
        for (int i = 0; i < PairOrders.WINDOW; i++) {
            step(1, y, Access.WRITE, "y.set");
        }
        step(1, x, Access.WRITE, "x.set");
        assertEquals(0, orders.coverage().orders());
        orders.startRun();
        step(0, x, Access.WRITE, "x.set");
        for (int i = 0; i < PairOrders.WINDOW - 1; i++) {
            step(1, y, Access.WRITE, "y.set");
        }
        step(1, x, Access.WRITE, "x.set");
        assertEquals(1, orders.coverage().orders());
    }

    @Test
    void aStepOnAnUnknownObjectDependsOnEveryStepAndAStartOnNone() {
        orders.startRun();
        step(0, new Object(), Access.READ, "x.get");
        p.start = true;
        step(1, null, null, "start"); // a thread's start commutes with every step
        p.start = false;
        assertEquals(0, orders.coverage().orders());
        step(1, null, null, "point"); // unknown: dependent on the read
        assertEquals(1, orders.coverage().orders());
    }

    @Test
    void theTableStopsAtItsBoundAndSaysSo() {
        Object x = new Object();
        orders.startRun();
        for (int i = 0; i <= PairOrders.MAX_ORDERS + 1; i++) { // one pair per step after the first
            step(i & 1, x, Access.WRITE, "x.set" + i);
        }
        Coverage c = orders.coverage();
        assertTrue(c.capped(), c.toString());
        assertEquals(PairOrders.MAX_ORDERS, c.orders());
        assertTrue(
                c.sentence(ExploreResult.Stop.MAX_RUNS)
                        .contains("no estimate of unseen orders can be given"),
                c.sentence(ExploreResult.Stop.MAX_RUNS));
        assertFalse(new PairOrders().coverage().capped());
    }
}
