package io.refguard.bench.search;

import static io.refguard.explore.report.FailureKind.FINAL_CHECK;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import io.refguard.explore.sync.SharedRef;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Counters updated by read-then-write: account, transfer, arithmetic progression, lazy init. */
final class CounterPrograms {

    private CounterPrograms() {}

    static List<Program> all() {
        return List.of(
                Program.of("account", "account", 2, FINAL_CHECK, CounterPrograms::account),
                Program.of("transfer-3", "account", 3, FINAL_CHECK, CounterPrograms::transfer),
                Program.of(
                        "progression-3",
                        "arithmetic progression",
                        3,
                        FINAL_CHECK,
                        f -> progression(3, f)),
                Program.of(
                        "progression-6",
                        "arithmetic progression",
                        6,
                        FINAL_CHECK,
                        f -> progression(6, f)),
                Program.of("lazy-init-2", "lazy init", 2, FINAL_CHECK, f -> lazyInit(2, f)),
                Program.of("lazy-init-4", "lazy init", 4, FINAL_CHECK, f -> lazyInit(4, f)));
    }

    static final class Bank {
        final ReentrantLock lock = new ReentrantLock();
        final SharedInt[] balance;

        Bank(int accounts) {
            balance = new SharedInt[accounts];
            for (int i = 0; i < accounts; i++) {
                balance[i] = new SharedInt("balance" + i, 100);
            }
        }

        void add(int account, int amount, boolean locked) {
            if (locked) {
                Coordinator.lock(lock);
            }
            SharedInt b = balance[account];
            b.set(b.get() + amount);
            if (locked) {
                Coordinator.unlock(lock);
            }
        }

        void transfer(int from, int to, int amount, boolean locked) {
            if (locked) {
                Coordinator.lock(lock);
            }
            add(from, -amount, false);
            add(to, amount, false);
            if (locked) {
                Coordinator.unlock(lock);
            }
        }
    }

    /** A deposit and a withdrawal on one balance. */
    static Scenario<?> account(boolean fixed) {
        return Explorer.scenario("account" + suffix(fixed))
                .setup(() -> new Bank(1))
                .actor("deposit", b -> b.add(0, 50, fixed))
                .actor("withdraw", b -> b.add(0, -30, fixed))
                .check(
                        b ->
                                require(
                                        b.balance[0].peek() == 120,
                                        "balance is " + b.balance[0].peek() + ", not 120"));
    }

    /** Three transfers around three accounts. */
    static Scenario<?> transfer(boolean fixed) {
        return Explorer.scenario("transfer" + suffix(fixed))
                .setup(() -> new Bank(3))
                .actor("T0", b -> b.transfer(0, 1, 10, fixed))
                .actor("T1", b -> b.transfer(1, 2, 20, fixed))
                .actor("T2", b -> b.transfer(2, 0, 30, fixed))
                .check(
                        b ->
                                require(
                                        b.balance[0].peek() == 120
                                                && b.balance[1].peek() == 90
                                                && b.balance[2].peek() == 90,
                                        "balances "
                                                + b.balance[0].peek()
                                                + "/"
                                                + b.balance[1].peek()
                                                + "/"
                                                + b.balance[2].peek()
                                                + ", not 120/90/90"));
    }

    static final class Progression {
        final SharedInt next = new SharedInt("next", 5);
        final int[] term;

        Progression(int n) {
            term = new int[n];
        }
    }

    /** Each thread takes the next term of 5, 8, 11, ...; every term must be taken once. */
    static Scenario<?> progression(int n, boolean fixed) {
        Scenario<Progression> s =
                Explorer.scenario("progression-" + n + suffix(fixed))
                        .setup(() -> new Progression(n));
        for (int i = 0; i < n; i++) {
            int me = i;
            s.actor(
                    "T" + i,
                    p -> {
                        if (fixed) {
                            p.term[me] = p.next.getAndAdd(3);
                        } else {
                            int t = p.next.get();
                            p.next.set(t + 3);
                            p.term[me] = t;
                        }
                    });
        }
        return s.check(
                p -> {
                    long seen = 0;
                    for (int t : p.term) {
                        seen |= 1L << ((t - 5) / 3);
                    }
                    require(
                            seen == (1L << n) - 1 && p.next.peek() == 5 + 3 * n,
                            "terms taken twice or skipped: next is " + p.next.peek());
                });
    }

    static final class Lazy {
        final SharedRef<Object> instance = new SharedRef<>("instance", null);
        final SharedInt created = new SharedInt("created", 0);
    }

    /** Threads create a shared instance on first use; it must be created once. */
    static Scenario<?> lazyInit(int n, boolean fixed) {
        Scenario<Lazy> s = Explorer.scenario("lazy-init-" + n + suffix(fixed)).setup(Lazy::new);
        for (int i = 0; i < n; i++) {
            s.actor(
                    "T" + i,
                    l -> {
                        if (l.instance.get() == null) {
                            Object o = new Object();
                            if (fixed) {
                                if (l.instance.compareAndSet(null, o)) {
                                    l.created.incrementAndGet();
                                }
                            } else {
                                l.instance.set(o);
                                l.created.incrementAndGet();
                            }
                        }
                    });
        }
        return s.check(
                l -> require(l.created.peek() == 1, "created " + l.created.peek() + " instances"));
    }

    static String suffix(boolean fixed) {
        return fixed ? " (fixed)" : "";
    }

    static void require(boolean holds, String message) {
        if (!holds) {
            throw new AssertionError(message);
        }
    }
}
