package io.refguard.cases.reftable;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 1, fixed: iterators hold references, so a reload can no longer free a reader under them.
 *
 * <p>The same race as {@link Reftable_01_ReloadUnderOpenIterator}: T1 iterates the stack and, in
 * the middle, a nested read reloads it; T2 compacts t1 and t2 into t12 at any moment.
 *
 * <p><b>Invariant.</b> A reader stays alive while any iterator uses it.
 *
 * <p><b>Fix</b> (upstream: refcounted reftable readers). The stack owns one reference to each
 * reader; each iterator takes one reference per reader when it is created and drops them when it is
 * closed; {@code reload()} drops only the stack's reference. A reader is freed when the last of
 * these is dropped, which for t1 and t2 is now the iterator's {@code close()}. Dropping a reference
 * twice, or reading through a dropped one, is reported by the checker. The explorer verifies every
 * schedule within two preemptions: T1 always reads main, main again, topic and the tag, and every
 * reader is freed exactly once by the end.
 *
 * <p><b>Run it:</b> {@code ./refguard cases reftable-iterator}, or {@code ./refguard explore
 * --class io.refguard.cases.reftable.Reftable_02_IteratorsHoldReferences}.
 */
public final class Reftable_02_IteratorsHoldReferences {

    private Reftable_02_IteratorsHoldReferences() {}

    /** The scenario of {@link Reftable_01_ReloadUnderOpenIterator}, on the fixed stack. */
    public static Scenario<Repo> scenario() {
        return Explorer.scenario("reftable 02: iterators hold references")
                .setup(() -> Repo.upToDate(CountingStack::new))
                .actor("T1", Reftable_01_ReloadUnderOpenIterator::iterateWithNestedRead)
                .actor("T2", repo -> repo.disk.compactAll())
                .check(repo -> repo.closeAndCheck(Reftable_01_ReloadUnderOpenIterator.EXPECTED));
    }

    /**
     * The stack after the first fix: iterators take a reference to every reader. Its reload is the
     * one of {@link Reftable_01_ReloadUnderOpenIterator}; seed 1's second bug is in it (see {@link
     * Reftable_03_FailedReloadFreesReusedReaders}).
     */
    static class CountingStack extends Reftable_01_ReloadUnderOpenIterator.BorrowingStack {

        CountingStack(Disk disk) {
            super(disk);
        }

        @Override
        RefIterator iterator() {
            reload();
            List<Ref<Reader>> held = new ArrayList<>(readers.size());
            for (Ref<Reader> r : readers) {
                held.add(r.share());
            }
            List<Reader> tables = new ArrayList<>(held.size());
            for (Ref<Reader> r : held) {
                tables.add(r.get());
            }
            return new RefIterator(tables, held);
        }
    }
}
