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
import io.refguard.explore.sync.SharedRef;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 3 (glibc fork): threads move stack descriptors between two circular doubly linked lists
 * under a lock, and fork() copies memory at any instant without that lock. T1 adds a new stack s2
 * to the used list; T2 moves s1 from the used list to the cache. Mid-insert, after {@code
 * first.prev = e} and before {@code head.next = e}, the used list is not doubly linked, although
 * every run ends consistent: only an invariant checked at every step sees it. The fix journals the
 * operation in flight; a snapshot's recovery completes it before using the lists.
 */
class HalfDoneInsertTest {

    static final class Elem {
        final String name;
        final SharedRef<Elem> prev;
        final SharedRef<Elem> next;

        Elem(String name) {
            this.name = name;
            this.prev = new SharedRef<>(name + ".prev", null);
            this.next = new SharedRef<>(name + ".next", null);
        }
    }

    /** The list operation in flight, recorded before its first write. */
    static final class Op {
        final boolean add;
        final Elem e;
        final Elem before;
        final Elem after;

        Op(boolean add, Elem e, Elem before, Elem after) {
            this.add = add;
            this.e = e;
            this.before = before;
            this.after = after;
        }
    }

    static final class Lists {
        final boolean journaling;
        final Object lock = (Named) () -> "stack lock";
        final SharedRef<Op> journal = new SharedRef<>("journal", null);
        final Elem used;
        final Elem cache;
        final Elem s1;
        final Elem s2;

        Lists(boolean journaling) {
            this(journaling, new Elem("used"), new Elem("cache"), new Elem("s1"), new Elem("s2"));
            used.next.poke(s1);
            used.prev.poke(s1);
            s1.next.poke(used);
            s1.prev.poke(used);
            cache.next.poke(cache);
            cache.prev.poke(cache);
        }

        private Lists(boolean journaling, Elem used, Elem cache, Elem s1, Elem s2) {
            this.journaling = journaling;
            this.used = used;
            this.cache = cache;
            this.s1 = s1;
            this.s2 = s2;
        }

        /** list_add: insert e after head. */
        void add(Elem head, Elem e) {
            Elem first = head.next.get();
            if (journaling) {
                journal.set(new Op(true, e, head, first));
            }
            e.next.set(first);
            e.prev.set(head);
            first.prev.set(e);
            head.next.set(e);
            if (journaling) {
                journal.set(null);
            }
        }

        /** list_del: unlink e. */
        void del(Elem e) {
            Elem p = e.prev.get();
            Elem n = e.next.get();
            if (journaling) {
                journal.set(new Op(false, e, p, n));
            }
            n.prev.set(p);
            p.next.set(n);
            if (journaling) {
                journal.set(null);
            }
        }

        void createStack() {
            Coordinator.lock(lock);
            try {
                add(used, s2);
            } finally {
                Coordinator.unlock(lock);
            }
        }

        void cacheStack() {
            Coordinator.lock(lock);
            try {
                del(s1);
                add(cache, s1);
            } finally {
                Coordinator.unlock(lock);
            }
        }

        boolean consistent() {
            return doublyLinked(used) && doublyLinked(cache);
        }

        /** The copy a forked child would get: same shape, fresh objects. */
        Lists snapshot() {
            Map<Elem, Elem> map = new IdentityHashMap<>();
            for (Elem e : List.of(used, cache, s1, s2)) {
                map.put(e, new Elem(e.name));
            }
            for (Map.Entry<Elem, Elem> m : map.entrySet()) {
                m.getValue().next.poke(map.get(m.getKey().next.peek()));
                m.getValue().prev.poke(map.get(m.getKey().prev.peek()));
            }
            Lists copy =
                    new Lists(journaling, map.get(used), map.get(cache), map.get(s1), map.get(s2));
            Op op = journal.peek();
            if (op != null) {
                copy.journal.poke(
                        new Op(op.add, map.get(op.e), map.get(op.before), map.get(op.after)));
            }
            return copy;
        }

        /** What the child does first: finish the journaled operation, single-threaded. */
        void recover() {
            Op op = journal.peek();
            if (op == null) {
                return;
            }
            if (op.add) {
                op.e.next.poke(op.after);
                op.e.prev.poke(op.before);
                op.after.prev.poke(op.e);
                op.before.next.poke(op.e);
            } else {
                op.after.prev.poke(op.before);
                op.before.next.poke(op.after);
            }
            journal.poke(null);
        }
    }

    static boolean doublyLinked(Elem head) {
        Elem x = head;
        for (int i = 0; i < 8; i++) {
            Elem n = x.next.peek();
            if (n == null || n.prev.peek() != x) {
                return false;
            }
            if (n == head) {
                return true;
            }
            x = n;
        }
        return false;
    }

    static Scenario<Lists> scenario(String name, boolean journaling) {
        return Explorer.scenario(name)
                .setup(() -> new Lists(journaling))
                .actor("T1", Lists::createStack)
                .actor("T2", Lists::cacheStack)
                .check(l -> assertTrue(l.consistent(), "lists consistent at the end"));
    }

    @Test
    void endStateIsAlwaysConsistentSoAFinalCheckAloneMissesTheBug() {
        ExploreResult r =
                scenario("half-done insert, final check only", false)
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r.toString());
    }

    @Test
    void everyStepInvariantCatchesTheHalfDoneInsertAndPinsItsReport() {
        Scenario<Lists> s =
                scenario("half-done insert", false)
                        .invariant("both lists are doubly linked", Lists::consistent);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> s.explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertEquals(FailureKind.INVARIANT, f.report().failure().kind());
        Golden.assertMatches("half-done-insert", f.table());
        InterleavingFailure again =
                assertThrows(InterleavingFailure.class, () -> s.replay(f.replayToken()));
        assertEquals(f.report().events(), again.report().events());
        assertEquals(f.report().failure(), again.report().failure());
    }

    @Test
    void withoutAJournalASnapshotCannotBeRecovered() {
        Scenario<Lists> s =
                scenario("fork without journal", false)
                        .snapshot(
                                Lists::snapshot,
                                child -> {
                                    child.recover();
                                    assertTrue(
                                            child.consistent(),
                                            "the child's lists are doubly linked after recovery");
                                });
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> s.explore(ExploreOptions.exhaustive().preemptionBound(2)));
        assertEquals(FailureKind.INVARIANT, f.report().failure().kind());
    }

    @Test
    void journaledListsRecoverFromASnapshotAtEveryStepWithinBoundTwo() {
        ExploreResult r =
                scenario("fork with journal", true)
                        .snapshot(
                                Lists::snapshot,
                                child -> {
                                    child.recover();
                                    assertTrue(
                                            child.consistent(),
                                            "the child's lists are doubly linked after recovery");
                                })
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r.toString());
    }
}
