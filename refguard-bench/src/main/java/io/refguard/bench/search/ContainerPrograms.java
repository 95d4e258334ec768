package io.refguard.bench.search;

import static io.refguard.bench.search.CounterPrograms.require;
import static io.refguard.bench.search.CounterPrograms.suffix;
import static io.refguard.bench.search.OrderPrograms.lockIf;
import static io.refguard.bench.search.OrderPrograms.unlockIf;
import static io.refguard.explore.report.FailureKind.FINAL_CHECK;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Array-backed containers: queue, stack, circular buffer, work-stealing deque. */
final class ContainerPrograms {

    private ContainerPrograms() {}

    static List<Program> all() {
        return List.of(
                Program.of("queue-enqueue", "queue", 2, FINAL_CHECK, ContainerPrograms::enqueue),
                Program.of("queue-dequeue", "queue", 2, FINAL_CHECK, ContainerPrograms::dequeue),
                Program.of("stack-push-pop", "stack", 2, FINAL_CHECK, ContainerPrograms::pushPop),
                Program.of("stack-pop-pop", "stack", 2, FINAL_CHECK, ContainerPrograms::popPop),
                Program.of(
                        "ring-buffer-publish",
                        "circular buffer",
                        2,
                        FINAL_CHECK,
                        ContainerPrograms::ringPublish),
                Program.of(
                        "ring-buffer-2-consumers",
                        "circular buffer",
                        3,
                        FINAL_CHECK,
                        ContainerPrograms::ringConsumers),
                Program.of(
                        "work-stealing-1",
                        "work-stealing queue",
                        2,
                        FINAL_CHECK,
                        f -> workStealing(1, f)),
                Program.of(
                        "work-stealing-2",
                        "work-stealing queue",
                        3,
                        FINAL_CHECK,
                        f -> workStealing(2, f)));
    }

    /** Slots and counters of an array container; {@code taken} records what each thread got. */
    static final class Store {
        final ReentrantLock lock = new ReentrantLock();
        final SharedInt head = new SharedInt("head", 0);
        final SharedInt tail;
        final SharedInt count;
        final SharedInt[] slot;
        final int[] taken = new int[8];
        int takenCount;

        Store(int size, int... initial) {
            slot = new SharedInt[size];
            for (int i = 0; i < size; i++) {
                slot[i] = new SharedInt("slot" + i, i < initial.length ? initial[i] : 0);
            }
            tail = new SharedInt("tail", initial.length);
            count = new SharedInt("count", initial.length);
        }

        /** Records a taken item (actors run one at a time, so a plain field is enough). */
        void took(int v) {
            taken[takenCount++] = v;
        }

        /**
         * Whether taken items and items left between head and tail are exactly {@code expected}.
         */
        boolean holdsExactly(int... expected) {
            int[] all = new int[takenCount + Math.max(0, tail.peek() - head.peek())];
            System.arraycopy(taken, 0, all, 0, takenCount);
            for (int i = head.peek(), k = takenCount; i < tail.peek(); i++, k++) {
                all[k] = slot[i % slot.length].peek();
            }
            java.util.Arrays.sort(all);
            int[] want = expected.clone();
            java.util.Arrays.sort(want);
            return java.util.Arrays.equals(all, want);
        }

        String contents() {
            return "taken "
                    + java.util.Arrays.toString(java.util.Arrays.copyOf(taken, takenCount))
                    + ", head "
                    + head.peek()
                    + ", tail "
                    + tail.peek();
        }
    }

    static void append(Store s, int v, boolean locked) {
        lockIf(locked, s.lock);
        int t = s.tail.get();
        s.slot[t].set(v);
        s.tail.set(t + 1);
        unlockIf(locked, s.lock);
    }

    /** Two enqueuers read the same tail and one item is lost. */
    static Scenario<?> enqueue(boolean fixed) {
        return Explorer.scenario("queue-enqueue" + suffix(fixed))
                .setup(() -> new Store(4))
                .actor("E1", s -> append(s, 1, fixed))
                .actor("E2", s -> append(s, 2, fixed))
                .check(s -> require(s.holdsExactly(1, 2), s.contents()));
    }

    static void takeHead(Store s, boolean locked) {
        lockIf(locked, s.lock);
        if (s.count.get() > 0) {
            int h = s.head.get();
            int v = s.slot[h].get();
            s.head.set(h + 1);
            s.count.set(s.count.get() - 1);
            s.took(v);
        }
        unlockIf(locked, s.lock);
    }

    /** Two dequeuers on a one-item queue both take it. */
    static Scenario<?> dequeue(boolean fixed) {
        return Explorer.scenario("queue-dequeue" + suffix(fixed))
                .setup(() -> new Store(4, 7))
                .actor("D1", s -> takeHead(s, fixed))
                .actor("D2", s -> takeHead(s, fixed))
                .check(s -> require(s.holdsExactly(7), s.contents()));
    }

    static void pop(Store s, boolean locked) {
        lockIf(locked, s.lock);
        int t = s.tail.get();
        if (t > 0) {
            int v = s.slot[t - 1].get();
            s.tail.set(t - 1);
            s.took(v);
        }
        unlockIf(locked, s.lock);
    }

    /** A push and a pop on a stack of one: the pop can erase the push. */
    static Scenario<?> pushPop(boolean fixed) {
        return Explorer.scenario("stack-push-pop" + suffix(fixed))
                .setup(() -> new Store(4, 1))
                .actor("push", s -> append(s, 2, fixed))
                .actor("pop", s -> pop(s, fixed))
                .check(s -> require(s.holdsExactly(1, 2), s.contents()));
    }

    /** Two pops on a stack of one both get the item. */
    static Scenario<?> popPop(boolean fixed) {
        return Explorer.scenario("stack-pop-pop" + suffix(fixed))
                .setup(() -> new Store(4, 1))
                .actor("pop1", s -> pop(s, fixed))
                .actor("pop2", s -> pop(s, fixed))
                .check(s -> require(s.holdsExactly(1), s.contents()));
    }

    /**
     * A producer puts 1, 2, 3 into a ring of two slots; the consumer takes three. The producer
     * counts an item before writing its slot; the fix writes first.
     */
    static Scenario<?> ringPublish(boolean fixed) {
        return Explorer.scenario("ring-buffer-publish" + suffix(fixed))
                .setup(() -> new Store(2))
                .actor(
                        "producer",
                        s -> {
                            for (int v = 1; v <= 3; v++) {
                                Coordinator.blockUntil(
                                        () -> s.count.peek() < 2, s.count, "await room");
                                int t = s.tail.get();
                                if (fixed) {
                                    s.slot[t % 2].set(v);
                                    s.count.getAndAdd(1);
                                } else {
                                    s.count.getAndAdd(1);
                                    s.slot[t % 2].set(v);
                                }
                                s.tail.set(t + 1);
                            }
                        })
                .actor(
                        "consumer",
                        s -> {
                            for (int i = 0; i < 3; i++) {
                                Coordinator.blockUntil(
                                        () -> s.count.peek() > 0, s.count, "await item");
                                int h = s.head.get();
                                s.took(s.slot[h % 2].get());
                                s.head.set(h + 1);
                                s.count.getAndAdd(-1);
                            }
                        })
                .check(s -> require(s.holdsExactly(1, 2, 3), s.contents()));
    }

    /** Two consumers of a full ring of two read the same head; the fix takes under a lock. */
    static Scenario<?> ringConsumers(boolean fixed) {
        Scenario.Body<Store> consume =
                s -> {
                    lockIf(fixed, s.lock);
                    if (s.count.get() > 0) {
                        int h = s.head.get();
                        s.took(s.slot[h % 2].get());
                        s.head.set(h + 1);
                        s.count.getAndAdd(-1);
                    }
                    unlockIf(fixed, s.lock);
                };
        return Explorer.scenario("ring-buffer-2-consumers" + suffix(fixed))
                .setup(() -> new Store(2, 1, 2))
                .actor("C1", consume)
                .actor("C2", consume)
                .actor("C3", consume)
                .check(s -> require(s.holdsExactly(1, 2), s.contents()));
    }

    /**
     * A Chase-Lev style deque: the owner pushes two items at the bottom and pops until empty,
     * thieves steal once from the top. The bug: plain writes of top, and the owner takes the last
     * item without racing the thieves for it. The fix: compare-and-set on top, as in Chase and Lev,
     * "Dynamic circular work-stealing deque", SPAA 2005.
     */
    static Scenario<?> workStealing(int thieves, boolean fixed) {
        Scenario<Store> s =
                Explorer.scenario("work-stealing-" + thieves + suffix(fixed))
                        .setup(() -> new Store(4))
                        .actor(
                                "owner",
                                st -> {
                                    for (int v = 1; v <= 2; v++) {
                                        int b = st.tail.get();
                                        st.slot[b].set(v);
                                        st.tail.set(b + 1);
                                    }
                                    for (int i = 0; i < 2; i++) {
                                        ownerPop(st, fixed);
                                    }
                                });
        for (int i = 0; i < thieves; i++) {
            s.actor(
                    "thief" + i,
                    st -> {
                        int t = st.head.get();
                        int b = st.tail.get();
                        if (t < b) {
                            int v = st.slot[t].get();
                            if (fixed) {
                                if (st.head.compareAndSet(t, t + 1)) {
                                    st.took(v);
                                }
                            } else {
                                st.head.set(t + 1);
                                st.took(v);
                            }
                        }
                    });
        }
        return s.check(st -> require(st.holdsExactly(1, 2), st.contents()));
    }

    private static void ownerPop(Store st, boolean fixed) {
        int b = st.tail.get() - 1;
        st.tail.set(b);
        int t = st.head.get();
        if (t < b) {
            st.took(st.slot[b].get());
        } else if (t == b) {
            boolean won = !fixed || st.head.compareAndSet(t, t + 1);
            if (!fixed) {
                st.head.set(t + 1);
            }
            st.tail.set(b + 1);
            if (won) {
                st.took(st.slot[b].get());
            }
        } else {
            st.tail.set(b + 1);
        }
    }
}
