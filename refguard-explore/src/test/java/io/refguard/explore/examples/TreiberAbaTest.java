package io.refguard.explore.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ABA on a Treiber stack (Treiber, IBM RJ 5118, 1986) that recycles its nodes. T1 pops: it reads
 * top = A and A.next = B, then is preempted before its compare-and-set. T2 pops A, pops B, and
 * pushes A back. T1's compare-and-set still sees A on top, succeeds, and installs B, which T2
 * holds: B is both on the stack and owned by T2, and C is lost. The fix stamps the top with a
 * version that every update changes.
 */
class TreiberAbaTest {

    static final class Node {
        final String value;
        final SharedRef<Node> next;

        Node(String value) {
            this.value = value;
            this.next = new SharedRef<>(value + ".next", null);
        }
    }

    /** The stack with a plain top reference: ABA-prone when nodes are reused. */
    static final class Stack {
        final SharedRef<Node> top = new SharedRef<>("top", null);
        Node t1Popped;
        Node t2Kept;

        Stack() {
            Node c = new Node("C");
            Node b = new Node("B");
            Node a = new Node("A");
            b.next.poke(c);
            a.next.poke(b);
            top.poke(a);
        }

        Node pop() {
            while (true) {
                Node t = top.get();
                if (t == null) {
                    return null;
                }
                Node n = t.next.get();
                if (top.compareAndSet(t, n)) {
                    return t;
                }
            }
        }

        void push(Node node) {
            while (true) {
                Node t = top.get();
                node.next.set(t);
                if (top.compareAndSet(t, node)) {
                    return;
                }
            }
        }

        List<String> contents() {
            List<String> out = new ArrayList<>();
            for (Node n = top.peek(); n != null && out.size() < 10; n = n.next.peek()) {
                out.add(n.value);
            }
            return out;
        }
    }

    /** An immutable (node, version) pair: every update installs a new one. */
    static final class Stamped {
        final Node node;
        final int version;

        Stamped(Node node, int version) {
            this.node = node;
            this.version = version;
        }
    }

    /** The fix: compare-and-set on a stamped top, so a recycled node no longer looks unchanged. */
    static final class StampedStack {
        final SharedRef<Stamped> top = new SharedRef<>("top", null);
        Node t1Popped;
        Node t2Kept;

        StampedStack() {
            Node c = new Node("C");
            Node b = new Node("B");
            Node a = new Node("A");
            b.next.poke(c);
            a.next.poke(b);
            top.poke(new Stamped(a, 0));
        }

        Node pop() {
            while (true) {
                Stamped s = top.get();
                if (s.node == null) {
                    return null;
                }
                Node n = s.node.next.get();
                if (top.compareAndSet(s, new Stamped(n, s.version + 1))) {
                    return s.node;
                }
            }
        }

        void push(Node node) {
            while (true) {
                Stamped s = top.get();
                node.next.set(s.node);
                if (top.compareAndSet(s, new Stamped(node, s.version + 1))) {
                    return;
                }
            }
        }

        List<String> contents() {
            List<String> out = new ArrayList<>();
            for (Node n = top.peek().node; n != null && out.size() < 10; n = n.next.peek()) {
                out.add(n.value);
            }
            return out;
        }
    }

    /** Every element exactly once: on the stack, or in the hand of the thread that popped it. */
    static void assertConserved(List<String> stack, Node t1, Node t2) {
        List<String> all = new ArrayList<>(stack);
        all.add(t1 == null ? "-" : t1.value);
        all.add(t2 == null ? "-" : t2.value);
        Collections.sort(all);
        assertEquals(
                List.of("A", "B", "C"),
                all,
                "stack "
                        + stack
                        + ", T1 holds "
                        + (t1 == null ? "nothing" : t1.value)
                        + ", T2 holds "
                        + (t2 == null ? "nothing" : t2.value));
    }

    static Scenario<Stack> broken() {
        return Explorer.scenario("Treiber stack ABA")
                .setup(Stack::new)
                .actor("T1", s -> s.t1Popped = s.pop())
                .actor(
                        "T2",
                        s -> {
                            Node a = s.pop();
                            s.t2Kept = s.pop();
                            s.push(a); // recycles node A
                        })
                .check(s -> assertConserved(s.contents(), s.t1Popped, s.t2Kept));
    }

    @Test
    void findsTheAbaAndPinsItsReport() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> broken().explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertEquals(1, f.report().preemptions());
        Golden.assertMatches("treiber-aba", f.table());
        InterleavingFailure again =
                assertThrows(InterleavingFailure.class, () -> broken().replay(f.replayToken()));
        assertEquals(f.report().events(), again.report().events());
        assertEquals(f.report().failure(), again.report().failure());
    }

    @Test
    void stampedStackPassesExhaustivelyWithinBoundTwo() {
        ExploreResult r =
                Explorer.scenario("stamped Treiber stack")
                        .setup(StampedStack::new)
                        .actor("T1", s -> s.t1Popped = s.pop())
                        .actor(
                                "T2",
                                s -> {
                                    Node a = s.pop();
                                    s.t2Kept = s.pop();
                                    s.push(a);
                                })
                        .check(s -> assertConserved(s.contents(), s.t1Popped, s.t2Kept))
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r.toString());
        assertTrue(r.distinctSchedules() > 10, r.toString());
    }
}
