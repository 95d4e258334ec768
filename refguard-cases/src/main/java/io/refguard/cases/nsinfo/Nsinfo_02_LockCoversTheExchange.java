package io.refguard.cases.nsinfo;

import io.refguard.Ref;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;

/**
 * Seed 2, fixed: {@code dso->lock} covers every exchange of {@code dso->nsinfo}.
 *
 * <p>The race of {@link Nsinfo_01_LockTooNarrow}: T1 loads the symbols of a dso while T2 maps the
 * same dso for a thread; both replace the dso's nsinfo reference.
 *
 * <p><b>Invariant.</b> Each reference is put exactly once, by its owner.
 *
 * <p><b>Fix</b> (upstream: "perf dso: Hold lock when accessing nsinfo"). {@code dso__load()} takes
 * {@code dso->lock} before {@code dso__find_perf_map()}, and {@code map__new()} takes it around its
 * put and store: reading the dso's nsinfo, putting it and storing its successor is one critical
 * section on both paths, so the second thread puts the first thread's successor and every reference
 * is put exactly once. The lock is a plain {@code synchronized} block: the explorer needs the
 * refguard agent to model it, or a thread switched out inside the block would leave the other
 * blocked on a real monitor the explorer cannot see.
 *
 * <p><b>Run it:</b> {@code ./refguard cases nsinfo-double-put}, or {@code ./refguard explore
 * --class io.refguard.cases.nsinfo.Nsinfo_02_LockCoversTheExchange}.
 */
public final class Nsinfo_02_LockCoversTheExchange {

    private Nsinfo_02_LockCoversTheExchange() {}

    /** The scenario of {@link Nsinfo_01_LockTooNarrow}, with the fixed paths. */
    public static Scenario<Dso> scenario() {
        return Explorer.scenario("nsinfo 02: lock covers the exchange")
                .setup(Dso::new)
                .actor("T1", Nsinfo_02_LockCoversTheExchange::mapLoad)
                .actor("T2", Nsinfo_02_LockCoversTheExchange::mapNew)
                .check(Dso::closeAndCheck);
    }

    /** {@code map__load()}: loads the dso's symbols unless they are loaded. */
    static void mapLoad(Dso dso) {
        if (!dso.loaded) {
            load(dso);
        }
    }

    /** {@code dso__load()} after the fix. */
    static void load(Dso dso) {
        synchronized (dso.lock) {
            String path = dso.findPerfMap();
            if (dso.loaded) {
                return;
            }
            dso.loadedFrom.add(path);
            dso.loaded = true;
        }
    }

    /** {@code map__new()} after the fix. */
    static void mapNew(Dso dso) {
        Ref<NsInfo> nsi = dso.threadNsinfo.share();
        synchronized (dso.lock) {
            dso.nsinfo.close();
            dso.nsinfo = nsi;
        }
    }
}
