package io.refguard.cases.reftable;

import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import java.util.List;

/**
 * Seed 1, second bug, broken: can a reload that fails free readers the current stack still owns?
 *
 * <p>With iterators holding references ({@link Reftable_02_IteratorsHoldReferences}), the reload
 * itself is the next suspect. It builds the new reader list by reusing the readers of tables that
 * are still listed and opening the others; if opening one fails, its error path closes every reader
 * of the half-built list, so that the stack stays as it was. But the reused readers in that list
 * are the current stack's own: closing them frees readers the stack still owns. A table goes
 * missing when another process compacts it away between the list being read and the table being
 * opened, which makes the reload fail (and retry, since the list changed).
 *
 * <table>
 * <caption>The interleaving</caption>
 * <tr><th>T1 (reloads)</th><th>T2 (another process, compacts)</th></tr>
 * <tr><td>stack = [t1]; reads tables.list = [t1, t2]</td><td></td></tr>
 * <tr><td></td><td>writes t12, publishes tables.list = [t12], deletes t1 and t2</td></tr>
 * <tr><td>reuses t1's reader; opening t2 fails; the error path closes the new list: t1 is freed
 *     though the stack still owns it</td><td></td></tr>
 * <tr><td>the list changed, so the reload retries and reads t1 through the stack: use after
 *     free (upstream, a later close hits {@code BUG("cannot decrement ref counter of dead
 *     reader")})</td><td></td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> A failed reload leaves the stack exactly as it was: same readers, same
 * references.
 *
 * <p><b>Model.</b> The stack and its reload are those of the first fix ({@link
 * Reftable_02_IteratorsHoldReferences.CountingStack}); T1 reads a ref, which reloads.
 *
 * <p><b>Fix.</b> {@link Reftable_04_ReusedReadersGetTemporaryReferences}.
 *
 * <p><b>Run it:</b> {@code ./refguard cases reftable-failed-reload}, or {@code ./refguard explore
 * --class io.refguard.cases.reftable.Reftable_03_FailedReloadFreesReusedReaders}.
 */
public final class Reftable_03_FailedReloadFreesReusedReaders {

    private Reftable_03_FailedReloadFreesReusedReaders() {}

    /** What T1 reads: main moved to c2 in t2, whether the stack is [t1, t2] or [t12]. */
    static final List<String> EXPECTED = List.of("c2");

    /** The scenario: T1 reads a ref (which reloads the stack) while T2 compacts. */
    public static Scenario<Repo> scenario() {
        return Explorer.scenario("reftable 03: failed reload with reused readers")
                .setup(
                        () ->
                                Repo.behindTheList(
                                        Reftable_02_IteratorsHoldReferences.CountingStack::new))
                .actor("T1", repo -> repo.seen.add(repo.stack.read("refs/heads/main")))
                .actor("T2", repo -> repo.disk.compactAll())
                .check(repo -> repo.closeAndCheck(EXPECTED));
    }
}
