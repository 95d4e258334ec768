package programs.apps.indexswap.fix.manager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import programs.apps.indexswap.fix.index.Snapshot;

/** Hands the current snapshot to searchers and swaps in new ones. */
public final class SnapshotManager {
    private volatile Snapshot current;
    private final List<Snapshot> history = new CopyOnWriteArrayList<>();

    public SnapshotManager(Snapshot first) {
        current = first;
        history.add(first);
    }

    /** The caller must release() what it acquired. */
    public Snapshot acquire() {
        for (;;) {
            Snapshot s = current;
            if (s.tryIncRef()) {      // fails only if the refresher closed it after we read it
                return s;
            }
        }
    }

    public void release(Snapshot s) {
        s.decRef();
    }

    /** Installs a newer snapshot and drops the manager's reference to the old one. */
    public void swap(Snapshot next) {
        Snapshot old = current;
        current = next;
        history.add(next);
        release(old);
    }

    public Snapshot current() { return current; }

    public List<Snapshot> history() { return history; }
}
