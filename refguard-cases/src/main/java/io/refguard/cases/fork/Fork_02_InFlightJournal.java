package io.refguard.cases.fork;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 3, fixed: a one-slot journal of the list operation in flight, replayed by the child.
 *
 * <p>The race of {@link Fork_01_SnapshotSeesHalfDoneAdd}: T2 and T3 change the stack lists under
 * {@code stack_cache_lock} while a {@code fork()} may copy memory at any step.
 *
 * <p><b>Invariant.</b> After its recovery, the child sees consistent doubly linked lists, whatever
 * step the fork interrupted.
 *
 * <p><b>Fix</b> (glibc: {@code in_flight_stack}). Taking the lock around {@code fork()} is not
 * possible ({@code fork} may run in a signal handler), so the child repairs instead. Before each
 * list change, the thread records the element and whether it is added or deleted in {@code
 * in_flight_stack}, and clears it after the change; the writes are ordered. The child's {@code
 * __reclaim_stacks} first looks at the record: an interrupted delete is simply replayed (it is
 * idempotent); an interrupted add is completed on whichever list's head shows it ({@code
 * head.next.prev != head}). The explorer checks the repaired copy at every scheduling point of
 * every schedule within two preemptions.
 *
 * <p><b>Run it:</b> {@code ./refguard cases fork-half-done-list}, or {@code ./refguard explore
 * --class io.refguard.cases.fork.Fork_02_InFlightJournal}.
 */
public final class Fork_02_InFlightJournal {

    private Fork_02_InFlightJournal() {}

    /** The scenario of {@link Fork_01_SnapshotSeesHalfDoneAdd}, on journaled lists. */
    public static Scenario<StackLists> scenario() {
        return Explorer.scenario("fork 02: the in-flight journal")
                .<StackLists>setup(JournaledLists::new)
                .actor("T2", StackLists::createThread)
                .actor("T3", StackLists::joinThread)
                .snapshot(StackLists::fork, StackLists::reclaimStacks)
                .check(StackLists::checkFinal);
    }

    /** The lists with glibc's {@code stack_list_add} and {@code stack_list_del}. */
    static final class JournaledLists extends StackLists {

        @Override
        void stackListAdd(ListHead elem, ListHead head) {
            inFlight = new InFlight(elem, true);
            elem.next = head.next;
            elem.prev = head;
            head.next.prev = elem;
            head.next = elem;
            inFlight = null;
        }

        @Override
        void stackListDel(ListHead elem) {
            inFlight = new InFlight(elem, false);
            elem.next.prev = elem.prev;
            elem.prev.next = elem.next;
            inFlight = null;
        }

        @Override
        StackLists emptyCopy() {
            return new JournaledLists();
        }

        /** The child completes or replays the interrupted operation, then walks the lists. */
        @Override
        void reclaimStacks() {
            InFlight f = inFlight;
            if (f != null) {
                if (f.add) {
                    // an add always links right after a head: repair the list whose head shows it
                    if (!completeAdd(stackUsed, f.elem)) {
                        completeAdd(stackCache, f.elem);
                    }
                } else {
                    f.elem.next.prev = f.elem.prev;
                    f.elem.prev.next = f.elem.next;
                }
                inFlight = null;
            }
            checkList(stackUsed);
            checkList(stackCache);
        }

        private static boolean completeAdd(ListHead head, ListHead elem) {
            if (head.next.prev == head) {
                return false;
            }
            elem.next = head.next;
            elem.prev = head;
            head.next = elem;
            return true;
        }
    }
}
