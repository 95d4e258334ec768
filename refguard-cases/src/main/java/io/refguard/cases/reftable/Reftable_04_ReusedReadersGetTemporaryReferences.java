package io.refguard.cases.reftable;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 1, second bug, fixed: a reused reader gets a reference of its own for the new list.
 *
 * <p>The race of {@link Reftable_03_FailedReloadFreesReusedReaders}: T1's reload reuses t1's reader
 * and then fails to open t2, which T2's compaction just deleted.
 *
 * <p><b>Invariant.</b> A failed reload leaves the stack exactly as it was.
 *
 * <p><b>Fix</b> (upstream: "fix segfault when reload with reused readers fails"). The reload takes
 * a temporary reference on each reader it reuses ({@code reftable_reader_incref}) and puts that
 * reference, not the stack's, into the new list. On the error path, closing the new list drops only
 * these temporary references, and the stack is intact. On success, the new list becomes the
 * stack's, and only after the swap are the old stack's references dropped, reused readers included,
 * so that each reader ends up with exactly one stack reference. (Upstream keeps the old pointer and
 * drops the temporary count after the swap; the counts are the same, and with one handle per
 * reference the handle that survives must be the one in the new list.)
 *
 * <p><b>Run it:</b> {@code ./refguard cases reftable-failed-reload}, or {@code ./refguard explore
 * --class io.refguard.cases.reftable.Reftable_04_ReusedReadersGetTemporaryReferences}.
 */
public final class Reftable_04_ReusedReadersGetTemporaryReferences {

    private Reftable_04_ReusedReadersGetTemporaryReferences() {}

    /** The scenario of {@link Reftable_03_FailedReloadFreesReusedReaders}, on the fixed stack. */
    public static Scenario<Repo> scenario() {
        return Explorer.scenario("reftable 04: reused readers get temporary references")
                .setup(() -> Repo.behindTheList(FixedStack::new))
                .actor("T1", repo -> repo.seen.add(repo.stack.read("refs/heads/main")))
                .actor("T2", repo -> repo.disk.compactAll())
                .check(
                        repo ->
                                repo.closeAndCheck(
                                        Reftable_03_FailedReloadFreesReusedReaders.EXPECTED));
    }

    /** The stack with both fixes: counted iterators and temporary references on reuse. */
    static final class FixedStack extends Reftable_02_IteratorsHoldReferences.CountingStack {

        FixedStack(Disk disk) {
            super(disk);
        }

        @Override
        void reloadOnce(List<String> names) {
            List<Ref<Reader>> cur = new ArrayList<>(readers);
            List<Ref<Reader>> next = new ArrayList<>();
            try {
                for (String name : names) {
                    Ref<Reader> own = take(cur, name);
                    // the temporary reference: the error path below may close it, never the stack's
                    next.add(own != null ? own.share() : disk.open(name));
                }
            } catch (TableMissingException e) {
                for (Ref<Reader> r : next) {
                    r.close();
                }
                throw e;
            }
            List<Ref<Reader>> old = readers;
            readers = next;
            // the new list is in place: now drop every old reference, reused readers' included
            for (Ref<Reader> r : old) {
                r.close();
            }
        }
    }
}
