package io.refguard.cases.nsinfo;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 2, broken: can two threads put the same reference when the lock that guards it is too
 * narrow?
 *
 * <p>perf's reference count checker gives every {@code get} its own handle and frees only that
 * handle on {@code put}, so a double put is a double free of one handle, reported with both stacks.
 * refguard's tracked mode is the same idea: every acquire returns its own {@code Ref}, and closing
 * one twice throws a {@link io.refguard.DoubleReleaseException} naming where it was released first
 * and where again. On perf's {@code nsinfo} the checker found a data race. Two paths replace a
 * dso's nsinfo reference: {@code map__new()}, handling an mmap event, puts {@code dso->nsinfo} and
 * stores the mapping thread's; and {@code dso__load()}, loading a JIT-compiled process's symbols,
 * calls {@code dso__find_perf_map(…, &dso->nsinfo)}, which copies the nsinfo, puts it and stores
 * the copy. {@code map__new()} took no lock, and {@code dso__load()} took {@code dso->lock} only
 * after that call.
 *
 * <table>
 * <caption>The interleaving</caption>
 * <tr><th>T1 ({@code dso__load})</th><th>T2 ({@code map__new}, same dso)</th></tr>
 * <tr><td>{@code find_perf_map}: reads dso->nsinfo, copies it, puts it</td><td></td></tr>
 * <tr><td></td><td>reads dso->nsinfo (T1 has not stored its copy yet), puts it again:
 *     double put, reported with T1's and T2's sites</td></tr>
 * </table>
 *
 * <p><b>Invariant.</b> Each reference is put exactly once, by its owner: whoever reads and replaces
 * {@code dso->nsinfo} holds {@code dso->lock} for the whole exchange.
 *
 * <p><b>Model.</b> {@link NsInfo} is reference-counted, and the dso's reference is a {@code Ref}
 * field. The race is on reference-count operations, so the explorer finds it without
 * instrumentation; the lock is a plain {@code synchronized} block, which the refguard agent turns
 * into a modeled lock.
 *
 * <p><b>Fix.</b> {@link Nsinfo_02_LockCoversTheExchange}.
 *
 * <p><b>Run it:</b> {@code ./refguard cases nsinfo-double-put}, or {@code ./refguard explore
 * --class io.refguard.cases.nsinfo.Nsinfo_01_LockTooNarrow}.
 */
public final class Nsinfo_01_LockTooNarrow {

    private Nsinfo_01_LockTooNarrow() {}

    /** The scenario: T1 loads the dso's symbols while T2 maps the dso for a thread. */
    public static Scenario<Dso> scenario() {
        return Explorer.scenario("nsinfo 01: lock too narrow")
                .setup(Dso::new)
                .actor("T1", Nsinfo_01_LockTooNarrow::mapLoad)
                .actor("T2", Nsinfo_01_LockTooNarrow::mapNew)
                .check(Dso::closeAndCheck);
    }

    /** {@code map__load()}: loads the dso's symbols unless they are loaded. */
    static void mapLoad(Dso dso) {
        if (!dso.loaded) {
            load(dso);
        }
    }

    /** {@code dso__load()} before the fix. */
    static void load(Dso dso) {
        String path = dso.findPerfMap(); // puts and replaces dso->nsinfo before taking the lock
        synchronized (dso.lock) {
            if (dso.loaded) {
                return; // check again under the lock: another thread loaded it
            }
            dso.loadedFrom.add(path);
            dso.loaded = true;
        }
    }

    /**
     * {@code map__new()} before the fix: hands the thread's nsinfo to the dso, without the lock.
     */
    static void mapNew(Dso dso) {
        Ref<NsInfo> nsi = dso.threadNsinfo.share(); // nsinfo__get(thread->nsinfo)
        dso.nsinfo.close(); // nsinfo__put(dso->nsinfo)
        dso.nsinfo = nsi;
    }
}
