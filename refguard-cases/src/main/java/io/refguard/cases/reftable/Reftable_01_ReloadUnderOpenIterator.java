package io.refguard.cases.reftable;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 1, broken: can reloading a reftable stack free a reader that an open iterator still reads?
 *
 * <p>A git reftable stack is an ordered list of immutable tables, each read by a <em>reader</em>.
 * {@code reload()} re-reads {@code tables.list} and closes the readers of tables that are no longer
 * listed. An iterator over the merged stack keeps one sub-iterator per reader. git calls {@code
 * reload()} whenever the reftable backend is entered, so a ref read in the middle of an iteration
 * reloads the stack underneath the iterator. If another process compacted the tables in between,
 * the reload closes readers the iterator still uses.
 *
 * <table>
 * <caption>The interleaving from the seed</caption>
 * <tr><th>T1 (iterates)</th><th>T2 (another process, compacts)</th></tr>
 * <tr><td>stack = [t1, t2]; opens an iterator (sub-iterators on t1 and t2)</td><td></td></tr>
 * <tr><td></td><td>writes t12, publishes tables.list = [t12], deletes t1 and t2</td></tr>
 * <tr><td>a nested read calls {@code reload()}: t1, t2 are not listed: closed and freed</td><td></td></tr>
 * <tr><td>{@code iterator.next()} reads t1's freed block: use after free</td><td></td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> A reader stays alive while any iterator uses it.
 *
 * <p><b>Model.</b> Readers are {@link io.refguard.RefCounted}; the stack owns one reference to each
 * (the creator's reference), and {@code reload()} closes it for every table no longer listed. In
 * this broken version the iterator borrows the stack's readers without a reference of its own, as
 * the C code held plain pointers. Every reader accessor checks that the reader is alive, so where C
 * reads freed memory the checker throws a use after release naming where the reader was freed. The
 * race is on reference-count operations only (reading and replacing {@code tables.list}, closing
 * readers), so it needs no instrumentation.
 *
 * <p><b>Fix.</b> {@link Reftable_02_IteratorsHoldReferences}: each iterator takes a reference per
 * reader and drops it when closed.
 *
 * <p><b>Run it:</b> {@code ./refguard cases reftable-iterator}, or {@code ./refguard explore
 * --class io.refguard.cases.reftable.Reftable_01_ReloadUnderOpenIterator}.
 */
public final class Reftable_01_ReloadUnderOpenIterator {

    private Reftable_01_ReloadUnderOpenIterator() {}

    /** What T1 reads when nothing goes wrong: main from t2, then topic, then the tag from t1. */
    static final List<String> EXPECTED =
            List.of("refs/heads/main=c2", "c2", "refs/heads/topic=c3", "refs/tags/v1=c0");

    /** The scenario: T1 iterates with a nested read while T2 compacts the stack's tables. */
    public static Scenario<Repo> scenario() {
        return Explorer.scenario("reftable 01: reload under an open iterator")
                .setup(() -> Repo.upToDate(BorrowingStack::new))
                .actor("T1", Reftable_01_ReloadUnderOpenIterator::iterateWithNestedRead)
                .actor("T2", repo -> repo.disk.compactAll())
                .check(repo -> repo.closeAndCheck(EXPECTED));
    }

    /** T1: iterates the refs; after the first one, a nested read reloads the stack. */
    static void iterateWithNestedRead(Repo repo) {
        try (RefIterator it = repo.stack.iterator()) {
            repo.seen.add(it.next());
            repo.seen.add(repo.stack.read("refs/heads/main"));
            String next;
            while ((next = it.next()) != null) {
                repo.seen.add(next);
            }
        }
    }

    /**
     * The stack before the fix: its reload closes the readers of unlisted tables, and its iterators
     * borrow the stack's readers without references of their own.
     */
    static class BorrowingStack extends Stack {

        BorrowingStack(Disk disk) {
            super(disk);
        }

        @Override
        void reloadOnce(List<String> names) {
            List<Ref<Reader>> cur = new ArrayList<>(readers);
            List<Ref<Reader>> next = new ArrayList<>();
            try {
                for (String name : names) {
                    Ref<Reader> reused = take(cur, name);
                    next.add(reused != null ? reused : disk.open(name));
                }
            } catch (TableMissingException e) {
                for (Ref<Reader> r : next) {
                    r.close();
                }
                throw e;
            }
            readers = next;
            // the readers of tables no longer listed: frees them, whoever still reads them
            for (Ref<Reader> r : cur) {
                r.close();
            }
        }

        @Override
        RefIterator iterator() {
            reload();
            return new RefIterator(currentReaders(), List.of());
        }
    }
}
