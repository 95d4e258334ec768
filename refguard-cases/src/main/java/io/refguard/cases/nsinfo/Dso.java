package io.refguard.cases.nsinfo;

import io.refguard.Ref;
import io.refguard.explore.Named;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * perf's {@code struct dso}, reduced to what the race needs: a lock, the dso's reference to the
 * nsinfo of the process it belongs to, and whether its symbols are loaded; plus the nsinfo of the
 * process's thread, which a new mmap event hands to the dso. One dso is shared by every thread that
 * processes events or resolves samples of that process.
 */
final class Dso {

    /** {@code dso->lock}, named in reports. */
    final Object lock = (Named) () -> "dso->lock";

    /** Whether the symbols are loaded; read without the lock by {@code map__load}, as in perf. */
    volatile boolean loaded;

    /** {@code dso->nsinfo}: the dso's reference. Guarded by {@link #lock}, in the fixed code. */
    Ref<NsInfo> nsinfo;

    /** {@code thread->nsinfo}: the reference of the thread that mapped the dso. */
    final NsInfo threadNsinfo;

    /** The symbol file read by each load, in order. */
    final List<String> loadedFrom = new CopyOnWriteArrayList<>();

    /** Every nsinfo created for this dso, for the end-of-run check. */
    final List<NsInfo> created = new CopyOnWriteArrayList<>();

    /** A dso of a JIT-compiled process, whose symbols are in {@code /tmp/perf-4242.map}. */
    Dso() {
        NsInfo first = new NsInfo(4242);
        threadNsinfo = new NsInfo(4242);
        created.add(first);
        created.add(threadNsinfo);
        nsinfo = first;
    }

    /**
     * {@code dso__find_perf_map(…, &dso->nsinfo)}: the perf map lives outside the process's mount
     * namespace, so perf replaces the dso's nsinfo by a copy that does not enter it. The caller
     * must hold {@link #lock}: this puts the dso's reference and stores a new one.
     *
     * @return the path of the perf map
     */
    String findPerfMap() {
        Ref<NsInfo> nsi = nsinfo;
        NsInfo copy = nsi.get().copy(); // nsinfo__copy(nsi)
        created.add(copy);
        nsi.close(); // nsinfo__put(nsi)
        nsinfo = copy;
        return "/tmp/perf-" + copy.tgid + ".map";
    }

    /**
     * The end of a run: the symbols were loaded once, from the perf map; dropping the dso's and the
     * thread's references then frees every nsinfo ever created, each exactly once.
     *
     * @throws AssertionError naming what differs
     */
    void closeAndCheck() {
        if (!loadedFrom.equals(List.of("/tmp/perf-4242.map"))) {
            throw new AssertionError(
                    "expected one load from /tmp/perf-4242.map, got " + loadedFrom);
        }
        nsinfo.close();
        threadNsinfo.close();
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i).isAlive()) {
                throw new AssertionError(
                        "nsinfo number "
                                + (i + 1)
                                + " is still alive after the dso and"
                                + " the thread dropped their references: a reference to it leaked");
            }
        }
    }
}
