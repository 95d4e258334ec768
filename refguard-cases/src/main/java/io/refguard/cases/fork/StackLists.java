package io.refguard.cases.fork;

import io.refguard.explore.Named;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two lists of nptl's stack cache ({@code allocatestack.c}): {@code stack_used}, the stacks of
 * running threads, and {@code stack_cache}, the stacks of finished threads kept for reuse. Threads
 * change them only under {@code stack_cache_lock}; {@code fork()} copies them without it, at any
 * instant, and the child then walks them alone ({@code __reclaim_stacks}).
 *
 * <p>The list operations and the child's recovery belong to the variants; this class holds the
 * state, the snapshot a fork takes, and the consistency check.
 */
abstract class StackLists {

    /** {@code stack_cache_lock}, named in reports. */
    static final class Lock implements Named {
        @Override
        public String reportName() {
            return "stack_cache_lock";
        }
    }

    /** What {@code in_flight_stack} records: the element being moved, and whether it is added. */
    static final class InFlight {
        final ListHead elem;
        final boolean add;

        InFlight(ListHead elem, boolean add) {
            this.elem = elem;
            this.add = add;
        }
    }

    final Object lock = new Lock();
    final ListHead stackUsed;
    final ListHead stackCache;

    /** The stack of a running thread that T3 joins. */
    final ListHead stackA;

    /** A fresh stack for the thread T2 creates. */
    final ListHead stackB;

    /** {@code in_flight_stack}: the operation in progress, or null. Only the fix writes it. */
    volatile InFlight inFlight;

    /** {@code stack_used = [stack A]}, {@code stack_cache = []}, stack B not yet on a list. */
    StackLists() {
        this(
                new ListHead("stack_used"),
                new ListHead("stack_cache"),
                new ListHead("stack A"),
                new ListHead("stack B"));
        stackA.next = stackUsed;
        stackA.prev = stackUsed;
        stackUsed.next = stackA;
        stackUsed.prev = stackA;
    }

    private StackLists(ListHead used, ListHead cache, ListHead a, ListHead b) {
        this.stackUsed = used;
        this.stackCache = cache;
        this.stackA = a;
        this.stackB = b;
    }

    /** {@code list_add}: links {@code elem} right after {@code head}. */
    abstract void stackListAdd(ListHead elem, ListHead head);

    /** {@code list_del}: unlinks {@code elem}. */
    abstract void stackListDel(ListHead elem);

    /** A new copy of these lists of the same variant, for {@link #fork()}. */
    abstract StackLists emptyCopy();

    /**
     * What the child of a {@code fork()} does first, alone: repair whatever the copy caught in the
     * middle, then walk the lists. Throws when a list is not a consistent doubly linked list.
     */
    abstract void reclaimStacks();

    /** T2, {@code pthread_create} with a fresh stack: {@code allocate_stack} lists it as used. */
    void createThread() {
        synchronized (lock) {
            stackListAdd(stackB, stackUsed);
        }
    }

    /**
     * T3, {@code pthread_join} of the thread on stack A: {@code queue_stack} moves it to the cache.
     */
    void joinThread() {
        synchronized (lock) {
            stackListDel(stackA);
            stackListAdd(stackA, stackCache);
        }
    }

    /**
     * {@code fork()}: a copy of the lists as they are at this instant, with new nodes, as the child
     * process's memory. Called by the explorer while every thread is paused.
     */
    StackLists fork() {
        Map<ListHead, ListHead> copies = new IdentityHashMap<>();
        StackLists child = emptyCopy();
        copies.put(stackUsed, child.stackUsed);
        copies.put(stackCache, child.stackCache);
        copies.put(stackA, child.stackA);
        copies.put(stackB, child.stackB);
        for (Map.Entry<ListHead, ListHead> e : copies.entrySet()) {
            e.getValue().next = copies.get(e.getKey().next);
            e.getValue().prev = copies.get(e.getKey().prev);
        }
        InFlight f = inFlight;
        child.inFlight = f == null ? null : new InFlight(copies.get(f.elem), f.add);
        return child;
    }

    /**
     * Checks that the list at {@code head} is a consistent circular doubly linked list.
     *
     * @throws AssertionError describing the first broken link
     */
    static void checkList(ListHead head) {
        List<ListHead> seen = new ArrayList<>();
        ListHead x = head;
        do {
            ListHead n = x.next;
            if (n.prev != x) {
                throw new AssertionError(
                        head
                                + " is not a doubly linked list: "
                                + x
                                + ".next = "
                                + n
                                + " but "
                                + n
                                + ".prev = "
                                + n.prev);
            }
            seen.add(x);
            if (seen.size() > 4) {
                throw new AssertionError("walking " + head + " never returns to it: " + seen);
            }
            x = n;
        } while (x != head);
    }

    /** The names of the elements of the list at {@code head}, in order. */
    static List<String> elements(ListHead head) {
        List<String> out = new ArrayList<>();
        for (ListHead x = head.next; x != head && out.size() < 4; x = x.next) {
            out.add(x.reportName());
        }
        return out;
    }

    /**
     * The end of a run: both lists are consistent, stack B is used and stack A cached.
     *
     * @throws AssertionError naming what differs
     */
    void checkFinal() {
        checkList(stackUsed);
        checkList(stackCache);
        if (!elements(stackUsed).equals(List.of("stack B"))
                || !elements(stackCache).equals(List.of("stack A"))) {
            throw new AssertionError(
                    "expected stack_used = [stack B] and stack_cache = [stack A], got "
                            + elements(stackUsed)
                            + " and "
                            + elements(stackCache));
        }
    }
}
