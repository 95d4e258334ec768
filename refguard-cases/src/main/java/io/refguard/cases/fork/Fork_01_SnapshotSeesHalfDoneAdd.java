package io.refguard.cases.fork;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 3, broken: what does a child process see if {@code fork()} copies a list that another thread
 * is in the middle of changing?
 *
 * <p>nptl keeps thread stacks on two circular doubly linked lists, {@code stack_used} and {@code
 * stack_cache}, and changes them only under {@code stack_cache_lock}. {@code fork()} does not take
 * that lock (it may be called from a signal handler), so the kernel may copy the process's memory
 * while another thread is half-way through a {@code list_add}. The child has a single thread and
 * walks the lists in {@code __reclaim_stacks()}; a half-linked list sends it into an endless loop,
 * or corrupts the cache.
 *
 * <table>
 * <caption>The interleaving from the seed</caption>
 * <tr><th>T1 (forks)</th><th>T2 (adds a stack to a list)</th></tr>
 * <tr><td></td><td>holds the lock; {@code list_add} half done: {@code head.next.prev = e}
 *     written, {@code head.next = e} not yet</td></tr>
 * <tr><td>fork: the child gets memory in this state</td><td></td></tr>
 * <tr><td>the child walks the list from {@code head}: loops forever, or corrupts it</td><td></td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> Every list is a consistent doubly linked list at <em>every</em> point where
 * another party can take a snapshot, not only when the lock is released. A final check cannot see
 * the bug: every run ends with consistent lists.
 *
 * <p><b>Model.</b> T2 creates a thread with a fresh stack (adds stack B to {@code stack_used}); T3
 * joins a thread (moves stack A from {@code stack_used} to {@code stack_cache}); both under {@code
 * stack_cache_lock}, a plain {@code synchronized} block. The fork is the explorer's snapshot check,
 * taken at every scheduling point of every schedule: it copies the lists and runs the child's
 * {@code __reclaim_stacks} on the copy, which here only walks them. The links are volatile, so the
 * refguard agent makes every link write a scheduling point.
 *
 * <p><b>Fix.</b> {@link Fork_02_InFlightJournal}.
 *
 * <p><b>Run it:</b> {@code ./refguard cases fork-half-done-list}, or {@code ./refguard explore
 * --class io.refguard.cases.fork.Fork_01_SnapshotSeesHalfDoneAdd}.
 */
public final class Fork_01_SnapshotSeesHalfDoneAdd {

    private Fork_01_SnapshotSeesHalfDoneAdd() {}

    /** The scenario: T2 and T3 change the lists while a fork may copy them at any step. */
    public static Scenario<StackLists> scenario() {
        return Explorer.scenario("fork 01: a snapshot sees a half-done list_add")
                .<StackLists>setup(PlainLists::new)
                .actor("T2", StackLists::createThread)
                .actor("T3", StackLists::joinThread)
                .snapshot(StackLists::fork, StackLists::reclaimStacks)
                .check(StackLists::checkFinal);
    }

    /** The lists before the fix: plain {@code list_add} and {@code list_del}, no journal. */
    static final class PlainLists extends StackLists {

        @Override
        void stackListAdd(ListHead elem, ListHead head) {
            elem.next = head.next;
            elem.prev = head;
            head.next.prev = elem;
            head.next = elem;
        }

        @Override
        void stackListDel(ListHead elem) {
            elem.next.prev = elem.prev;
            elem.prev.next = elem.next;
        }

        @Override
        StackLists emptyCopy() {
            return new PlainLists();
        }

        /** The child walks the lists as they are. */
        @Override
        void reclaimStacks() {
            checkList(stackUsed);
            checkList(stackCache);
        }
    }
}
