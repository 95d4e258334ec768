package io.refguard.bench.search;

import static io.refguard.bench.search.CounterPrograms.require;
import static io.refguard.bench.search.CounterPrograms.suffix;
import static io.refguard.explore.report.FailureKind.FINAL_CHECK;
import static io.refguard.explore.report.FailureKind.LIVELOCK;
import static io.refguard.explore.report.FailureKind.THREAD_THREW;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import io.refguard.explore.sync.SharedRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hand-offs between threads: a token ring, ABA on a lock-free stack, double-checked locking and
 * spin waits.
 */
final class HandoffPrograms {

    private HandoffPrograms() {}

    static List<Program> all() {
        List<Program> all = new ArrayList<>();
        all.add(Program.of("token-ring-3", "token ring", 3, THREAD_THREW, f -> tokenRing(3, f)));
        all.add(Program.of("token-ring-4", "token ring", 4, THREAD_THREW, f -> tokenRing(4, f)));
        all.add(Program.of("treiber-aba", "ABA", 2, FINAL_CHECK, HandoffPrograms::aba));
        all.add(
                Program.of(
                        "double-checked-2",
                        "double-checked locking",
                        2,
                        THREAD_THREW,
                        f -> doubleChecked(2, f)));
        all.add(
                Program.of(
                        "double-checked-4",
                        "double-checked locking",
                        4,
                        THREAD_THREW,
                        f -> doubleChecked(4, f)));
        all.add(
                Program.of(
                        "spin-publish",
                        "spin wait",
                        2,
                        THREAD_THREW,
                        HandoffPrograms::spinPublish));
        all.add(Program.of("spin-barrier", "spin wait", 2, LIVELOCK, HandoffPrograms::spinBarrier));
        all.add(Program.of("spin-lock", "spin wait", 2, FINAL_CHECK, HandoffPrograms::spinLock));
        return all;
    }

    static final class Ring {
        final SharedInt token = new SharedInt("token", 0);
        final SharedInt inside = new SharedInt("inside", 0);
    }

    /**
     * {@code n} threads take turns by a token; thread i waits for it, works inside, and passes it
     * on. The bug passes the token before leaving; the fix passes it after.
     */
    static Scenario<?> tokenRing(int n, boolean fixed) {
        Scenario<Ring> s = Explorer.scenario("token-ring-" + n + suffix(fixed)).setup(Ring::new);
        for (int i = 0; i < n; i++) {
            int me = i;
            s.actor(
                    "T" + i,
                    r -> {
                        Coordinator.blockUntil(() -> r.token.peek() == me, r.token, "await token");
                        if (!fixed) {
                            r.token.set(me + 1);
                        }
                        int in = r.inside.get();
                        r.inside.set(in + 1);
                        require(in == 0, "T" + me + " entered with " + in + " inside");
                        r.inside.set(r.inside.get() - 1);
                        if (fixed) {
                            r.token.set(me + 1);
                        }
                    });
        }
        return s;
    }

    static final class Node {
        final String name;
        final SharedRef<Node> next;

        Node(String name, Node next) {
            this.name = name;
            this.next = new SharedRef<>(name + ".next", next);
        }
    }

    /** A stack top with a version, compared by identity: the fix for ABA. */
    static final class Top {
        final Node node;
        final int version;

        Top(Node node, int version) {
            this.node = node;
            this.version = version;
        }
    }

    static final class Treiber {
        final Node c = new Node("C", null);
        final Node b = new Node("B", c);
        final Node a = new Node("A", b);
        final SharedRef<Node> top = new SharedRef<>("top", a);
        final SharedRef<Top> versioned = new SharedRef<>("top", new Top(a, 0));
        final List<Node> held = new ArrayList<>();

        Node pop(boolean fixed) {
            while (true) {
                if (fixed) {
                    Top t = versioned.get();
                    if (t.node == null) {
                        return null;
                    }
                    Node next = t.node.next.get();
                    if (versioned.compareAndSet(t, new Top(next, t.version + 1))) {
                        return t.node;
                    }
                } else {
                    Node t = top.get();
                    if (t == null) {
                        return null;
                    }
                    Node next = t.next.get();
                    if (top.compareAndSet(t, next)) {
                        return t;
                    }
                }
            }
        }

        void push(Node n, boolean fixed) {
            while (true) {
                if (fixed) {
                    Top t = versioned.get();
                    n.next.set(t.node);
                    if (versioned.compareAndSet(t, new Top(n, t.version + 1))) {
                        return;
                    }
                } else {
                    Node t = top.get();
                    n.next.set(t);
                    if (top.compareAndSet(t, n)) {
                        return;
                    }
                }
            }
        }

        /** The nodes on the stack, at most 8 deep (a cycle would be a bug too). */
        List<Node> onStack(boolean fixed) {
            List<Node> nodes = new ArrayList<>();
            for (Node n = fixed ? versioned.peek().node : top.peek();
                    n != null && nodes.size() < 8;
                    n = n.next.peek()) {
                nodes.add(n);
            }
            return nodes;
        }
    }

    /**
     * Treiber's lock-free stack A, B, C: one thread pops; another pops twice and pushes the first
     * node back. The first thread's compare-and-set then succeeds on a stale top and puts a popped
     * node back on the stack (ABA). The fix versions the top.
     */
    static Scenario<?> aba(boolean fixed) {
        return Explorer.scenario("treiber-aba" + suffix(fixed))
                .setup(Treiber::new)
                .actor("T1", t -> t.held.add(t.pop(fixed)))
                .actor(
                        "T2",
                        t -> {
                            Node x = t.pop(fixed);
                            Node y = t.pop(fixed);
                            t.held.add(y);
                            t.push(x, fixed);
                        })
                .check(
                        t -> {
                            for (Node n : t.onStack(fixed)) {
                                require(
                                        !t.held.contains(n),
                                        "node " + n.name + " is both popped and on the stack");
                            }
                        });
    }

    static final class Config {
        final SharedInt value = new SharedInt("config.value", 0);
    }

    static final class Holder {
        final ReentrantLock lock = new ReentrantLock();
        final SharedRef<Config> instance = new SharedRef<>("instance", null);

        Config get(boolean fixed) {
            Config c = instance.get();
            if (c == null) {
                Coordinator.lock(lock);
                c = instance.get();
                if (c == null) {
                    c = new Config();
                    if (fixed) {
                        c.value.set(42);
                        instance.set(c);
                    } else {
                        instance.set(c);
                        c.value.set(42);
                    }
                }
                Coordinator.unlock(lock);
            }
            return c;
        }
    }

    /** Double-checked locking that publishes the instance before initializing it. */
    static Scenario<?> doubleChecked(int n, boolean fixed) {
        Scenario<Holder> s =
                Explorer.scenario("double-checked-" + n + suffix(fixed)).setup(Holder::new);
        for (int i = 0; i < n; i++) {
            s.actor(
                    "T" + i,
                    h -> {
                        int v = h.get(fixed).value.get();
                        require(v == 42, "saw an uninitialized instance: value " + v);
                    });
        }
        return s;
    }

    static final class Flags {
        final SharedInt flag = new SharedInt("flag", 0);
        final SharedInt data = new SharedInt("data", 0);
        final SharedInt arrived = new SharedInt("arrived", 0);
        final SharedInt lock = new SharedInt("lock", 0);
        final SharedInt counter = new SharedInt("counter", 0);
    }

    /** The consumer spins on a flag; the producer raises it before writing the data. */
    static Scenario<?> spinPublish(boolean fixed) {
        return Explorer.scenario("spin-publish" + suffix(fixed))
                .setup(Flags::new)
                .actor(
                        "producer",
                        f -> {
                            if (fixed) {
                                f.data.set(42);
                                f.flag.set(1);
                            } else {
                                f.flag.set(1);
                                f.data.set(42);
                            }
                        })
                .actor(
                        "consumer",
                        f -> {
                            while (f.flag.get() == 0) {
                                // spin
                            }
                            int d = f.data.get();
                            require(d == 42, "flag seen, data " + d);
                        });
    }

    /**
     * Two threads meet at a spinning barrier; their arrivals are counted by read-then-write, so one
     * arrival can be lost and both spin forever. The fix counts atomically.
     */
    static Scenario<?> spinBarrier(boolean fixed) {
        Scenario.Body<Flags> arrive =
                f -> {
                    if (fixed) {
                        f.arrived.incrementAndGet();
                    } else {
                        f.arrived.set(f.arrived.get() + 1);
                    }
                    while (f.arrived.get() < 2) {
                        // spin
                    }
                };
        return Explorer.scenario("spin-barrier" + suffix(fixed))
                .setup(Flags::new)
                .actor("T1", arrive)
                .actor("T2", arrive);
    }

    /** A spin lock taken by test-then-set; the fix takes it by compare-and-set. */
    static Scenario<?> spinLock(boolean fixed) {
        Scenario.Body<Flags> work =
                f -> {
                    if (fixed) {
                        while (!f.lock.compareAndSet(0, 1)) {
                            // spin
                        }
                    } else {
                        while (f.lock.get() != 0) {
                            // spin
                        }
                        f.lock.set(1);
                    }
                    f.counter.set(f.counter.get() + 1);
                    f.lock.set(0);
                };
        return Explorer.scenario("spin-lock" + suffix(fixed))
                .setup(Flags::new)
                .actor("T1", work)
                .actor("T2", work)
                .check(f -> require(f.counter.peek() == 2, "counter " + f.counter.peek()));
    }
}
