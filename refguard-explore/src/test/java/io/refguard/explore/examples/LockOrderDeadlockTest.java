package io.refguard.explore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Named;
import io.refguard.explore.Scenario;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * A lock-order deadlock: T1 transfers from A to B, locking A then B; T2 transfers from B to A,
 * locking B then A. If each takes its first lock before the other takes its second, both wait
 * forever. The fix takes the two locks in one global order (by account number).
 */
class LockOrderDeadlockTest {

    static final class Account implements Named {
        final String name;
        final int number;
        int balance = 100;

        Account(String name, int number) {
            this.name = name;
            this.number = number;
        }

        @Override
        public String reportName() {
            return "account " + name;
        }
    }

    static final class Bank {
        final Account a = new Account("A", 1);
        final Account b = new Account("B", 2);

        /** Locks the source first: the order depends on the direction of the transfer. */
        void transfer(Account from, Account to, int amount) {
            Coordinator.lock(from);
            try {
                Coordinator.lock(to);
                try {
                    from.balance -= amount;
                    to.balance += amount;
                } finally {
                    Coordinator.unlock(to);
                }
            } finally {
                Coordinator.unlock(from);
            }
        }

        /** The fix: always lock the lower account number first. */
        void orderedTransfer(Account from, Account to, int amount) {
            Account first = from.number < to.number ? from : to;
            Account second = first == from ? to : from;
            Coordinator.lock(first);
            try {
                Coordinator.lock(second);
                try {
                    from.balance -= amount;
                    to.balance += amount;
                } finally {
                    Coordinator.unlock(second);
                }
            } finally {
                Coordinator.unlock(first);
            }
        }
    }

    static Scenario<Bank> broken() {
        return Explorer.scenario("lock-order deadlock")
                .setup(Bank::new)
                .actor("T1", bank -> bank.transfer(bank.a, bank.b, 10))
                .actor("T2", bank -> bank.transfer(bank.b, bank.a, 20))
                .check(bank -> assertEquals(200, bank.a.balance + bank.b.balance));
    }

    @Test
    void findsTheDeadlockAndPinsItsReport() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> broken().explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind());
        assertEquals(1, f.report().preemptions());
        Golden.assertMatches("lock-order-deadlock", f.table());
        InterleavingFailure again =
                assertThrows(InterleavingFailure.class, () -> broken().replay(f.replayToken()));
        assertEquals(f.report().events(), again.report().events());
        assertEquals(f.report().failure(), again.report().failure());
    }

    @Test
    void orderedLockingPassesExhaustivelyWithinBoundTwo() {
        ExploreResult r =
                Explorer.scenario("ordered locking")
                        .setup(Bank::new)
                        .actor("T1", bank -> bank.orderedTransfer(bank.a, bank.b, 10))
                        .actor("T2", bank -> bank.orderedTransfer(bank.b, bank.a, 20))
                        .check(bank -> assertEquals(200, bank.a.balance + bank.b.balance))
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r.toString());
    }
}
